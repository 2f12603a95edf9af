"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { PublicReportResult } from "@/lib/public/public-report";
import { withoutEmptyFiles } from "./hazard-action-form";
import { FormError } from "@/components/ui/form-error";

const inputClass =
  "mt-1 block w-full rounded-xl border-0 bg-white px-3 py-3 text-base ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600";
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The public 隐患举报 form; on success it shows the follow-up code in place of the form. */
export function PublicReportForm({ action }: { action: (input: FormData) => Promise<PublicReportResult> }) {
  const t = useTranslations("hazards.public");
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = withoutEmptyFiles(new FormData(event.currentTarget));
    const photo = data.get("photo");
    if (photo instanceof File && photo.size > MAX_PHOTO_BYTES) return setError("照片不能超过 10 MB，请压缩后再上传");
    setError(null);
    startTransition(async () => {
      const result = await action(data);
      if (!result.ok) return setError(result.message);
      setCode(result.code);
    });
  }

  if (code) {
    return (
      <section role="status" className="rounded-2xl bg-emerald-50 p-5 ring-1 ring-emerald-200">
        <p className="font-semibold text-emerald-800">{t("thanks")}</p>
        <p className="mt-3 text-sm text-slate-600">{t("codeLabel")}</p>
        <p className="mt-1 select-all font-mono text-3xl font-bold tracking-[0.2em] text-slate-900" data-testid="follow-up-code">
          {code}
        </p>
        <p className="mt-2 text-sm text-slate-600">{t("codeHint")}</p>
        <a href={`?code=${code}#lookup`} className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline">
          {t("lookupTitle")}
        </a>
      </section>
    );
  }

  return (
    <form onSubmit={submit} aria-busy={pending} className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <fieldset disabled={pending} className="space-y-4">
        <div>
          <label htmlFor={`${id}-description`} className="block text-sm font-medium text-slate-700">
            {t("description")}
          </label>
          <textarea id={`${id}-description`} name="description" required maxLength={2000} rows={4} placeholder={t("descriptionPlaceholder")} className={inputClass} />
        </div>
        <div>
          <label htmlFor={`${id}-location`} className="block text-sm font-medium text-slate-700">
            {t("location")}
          </label>
          <input id={`${id}-location`} name="location" required maxLength={200} placeholder={t("locationPlaceholder")} className={inputClass} />
        </div>
        <div>
          <label htmlFor={`${id}-photo`} className="block text-sm font-medium text-slate-700">
            {t("photo")}
          </label>
          <input
            id={`${id}-photo`}
            name="photo"
            type="file"
            accept="image/*,.heic,.heif"
            className="mt-1 block w-full rounded-xl text-sm text-slate-600 ring-1 ring-slate-300 file:mr-3 file:min-h-11 file:border-0 file:bg-brand-50 file:px-4 file:py-2.5 file:font-medium file:text-brand-700"
          />
        </div>
        <div>
          <label htmlFor={`${id}-contact`} className="block text-sm font-medium text-slate-700">
            {t("contact")}
          </label>
          <input id={`${id}-contact`} name="contact" maxLength={100} autoComplete="tel" className={inputClass} />
        </div>
        {/* Honeypot: invisible to people and screen readers; bots fill it and are refused. */}
        <div aria-hidden className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor={`${id}-website`}>{t("website")}</label>
          <input id={`${id}-website`} name="website" tabIndex={-1} autoComplete="off" />
        </div>
      </fieldset>
      <FormError message={error} className="mt-4" />
      <button
        type="submit"
        disabled={pending}
        className="mt-5 min-h-12 w-full rounded-xl bg-brand-600 px-4 py-3.5 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="mt-3 text-xs text-slate-500">{t("privacy")}</p>
    </form>
  );
}
