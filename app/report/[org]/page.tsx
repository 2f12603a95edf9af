import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PublicReportForm } from "@/components/hazards/public-report-form";
import { getDb } from "@/db/client";
import { orUnavailable } from "@/lib/database-outage-server";
import { findPublicTownship, lookupPublicReport } from "@/lib/public/public-report";
import { submitReport } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "安全隐患举报", robots: { index: false } };

/**
 * The township's public 隐患举报 page (posters, QR codes): no account. It shows
 * the township's name, the report form, and — for a follow-up code — only
 * that report's status and public reply.
 */
export default async function PublicReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { org } = await params;
  const township = await orUnavailable(findPublicTownship(getDb(), org));
  if (!township) notFound();
  const t = await getTranslations("hazards.public");
  const format = await getFormatter();
  const rawCode = (await searchParams).code;
  const code = typeof rawCode === "string" ? rawCode.slice(0, 40) : "";
  const found = code ? await orUnavailable(lookupPublicReport(getDb(), org, code)) : null;

  return (
    <main className="mx-auto max-w-xl space-y-5 px-4 py-6">
      <header>
        <h1 className="text-xl font-semibold">{t("title", { org: township.name })}</h1>
        <p className="mt-2 text-sm leading-relaxed text-slate-600">{t("intro")}</p>
        <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{t("emergency")}</p>
      </header>
      <PublicReportForm action={submitReport.bind(null, org)} />
      <section id="lookup" className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
        <h2 className="text-base font-semibold">{t("lookupTitle")}</h2>
        <form method="get" className="mt-3 flex gap-2">
          <label className="sr-only" htmlFor="follow-up-code">
            {t("codeInput")}
          </label>
          <input
            id="follow-up-code"
            name="code"
            defaultValue={code}
            required
            maxLength={20}
            autoCapitalize="characters"
            placeholder={t("codeInput")}
            className="block min-w-0 flex-1 rounded-xl border-0 px-3 py-3 font-mono text-base uppercase ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          <button type="submit" className="min-h-12 rounded-xl bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
            {t("lookup")}
          </button>
        </form>
        {code && !found ? <p className="mt-3 text-sm text-red-700">{t("notFound")}</p> : null}
        {found ? (
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("statusLabel")}</dt>
            <dd className="font-semibold">{t(`status.${found.status}`)}</dd>
            {found.publicReply ? (
              <>
                <dt className="text-slate-500">{t("replyLabel")}</dt>
                <dd className="whitespace-pre-line">{found.publicReply}</dd>
              </>
            ) : null}
            <dd className="col-span-2 text-xs text-slate-500">
              {t("receivedOn", { time: format.dateTime(found.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </dd>
          </dl>
        ) : null}
      </section>
    </main>
  );
}
