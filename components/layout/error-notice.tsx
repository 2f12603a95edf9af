"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { isDatabaseUnreachable } from "@/lib/database-outage";

interface NoticeText {
  title: string;
  body: string;
  retry: string;
  home: string;
}

/** The words of the error page: "service unavailable" for a database outage, a plain error otherwise. */
export function errorNoticeText(
  errors: { unavailableTitle: string; unavailableBody: string; failedTitle: string; failedBody: string; retry: string; backHome: string },
  error: unknown,
): NoticeText {
  const outage = isDatabaseUnreachable(error);
  return {
    title: outage ? errors.unavailableTitle : errors.failedTitle,
    body: outage ? errors.unavailableBody : errors.failedBody,
    retry: errors.retry,
    home: errors.backHome,
  };
}

/**
 * The body of every error page: what happened, a retry button that re-fetches
 * the page, and a link home (a full load, so it works when the router is stuck).
 */
export function ErrorNotice({ text, retry, lang }: { text: NoticeText; retry: () => void; lang?: string }) {
  const titleId = useId();
  return (
    <section lang={lang} aria-labelledby={titleId} className="mx-auto max-w-md px-4 py-12 text-center">
      <div aria-hidden className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-amber-100 text-2xl font-bold text-amber-700">
        !
      </div>
      <h1 id={titleId} className="mt-4 text-2xl font-semibold text-slate-900">
        {text.title}
      </h1>
      <p className="mt-3 leading-relaxed text-slate-600">{text.body}</p>
      <div className="mt-6 flex flex-col items-center gap-3 sm:flex-row sm:justify-center">
        <button
          type="button"
          onClick={() => retry()}
          className="min-h-11 w-full rounded-lg bg-brand-600 px-6 font-medium text-white hover:bg-brand-700 sm:w-auto"
        >
          {text.retry}
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load, not a client navigation */}
        <a href="/" className="min-h-11 px-4 py-2.5 text-brand-700 hover:underline">
          {text.home}
        </a>
      </div>
    </section>
  );
}

/** app/error.tsx and app/(app)/error.tsx: the error page in the visitor's language. */
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  const keys = ["unavailableTitle", "unavailableBody", "failedTitle", "failedBody", "retry", "backHome"] as const;
  const errors = Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>;
  return <ErrorNotice text={errorNoticeText(errors, error)} retry={retry} />;
}
