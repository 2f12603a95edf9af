import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttentionTable, HazardTable, SignOff } from "@/components/reports/print-sections";
import { PrintButton } from "@/components/reports/print-button";
import { PrintMatrix } from "@/components/reports/print-matrix";
import { campaignStatusCounts, getCampaign } from "@/db/queries/campaigns";
import { attentionItems } from "@/db/queries/exports";
import { hazardSummary } from "@/db/queries/hazard-ledger";
import { complianceMatrix } from "@/db/queries/matrix";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exports");
  return { title: t("print") };
}

/**
 * Print rules for this page only: A4, the app's header and padding gone,
 * colours kept, each numbered section from the matrix on starting a new page.
 */
const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; }
  body > header { display: none; }
  main { max-width: none !important; padding: 0 !important; }
  .report { font-family: "Noto Serif CJK SC", "Songti SC", "SimSun", var(--font-sans); font-size: 10.5pt; }
  .report * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .report .page-break { break-before: page; }
  .report .keep, .report tr { break-inside: avoid; }
  .report h2 { break-after: avoid; }
}`;

const sectionClass = "rounded-xl bg-white p-4 ring-1 ring-slate-200 print:rounded-none print:p-0 print:ring-0";

/** The printable compliance report of one campaign; the browser saves it as PDF. */
export default async function PrintReportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext("report.export");
  const campaign = await getCampaign(ctx, (await params).id);
  if (!campaign) notFound();
  const t = await getTranslations("exports.report");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const [counts, matrix, attention, hazards] = await Promise.all([
    campaignStatusCounts(ctx, campaign.id, now),
    complianceMatrix(ctx, campaign.id, now),
    attentionItems(ctx, campaign.id, now),
    hazardSummary(ctx, campaign.id),
  ]);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { year: "numeric", month: "long", day: "numeric" });
  const rate = counts.total === 0 ? 0 : Math.round((counts.approved / counts.total) * 1000) / 10;
  const figures = [
    { label: t("total"), value: counts.total },
    ...(["approved", "submitted", "returned", "pending", "overdue"] as const).map((key) => ({
      label: tAll(`status.${key}`),
      value: counts[key],
    })),
    { label: t("rate"), value: `${rate}%` },
  ];

  return (
    <article className="report mx-auto max-w-4xl space-y-5 print:space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href="/reports" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <div className="flex items-center gap-3">
          <p className="hidden text-xs text-slate-500 sm:block">{t("printHint")}</p>
          <PrintButton />
        </div>
      </div>

      <div className="text-center">
        <p className="text-sm text-slate-600">{ctx.membership.orgName}</p>
        <h1 className="mt-1 text-2xl font-bold">{t("title", { campaign: campaign.name })}</h1>
        <p className="mt-2 text-sm">{t("period", { from: day(campaign.startsOn), to: day(campaign.endsOn) })}</p>
        {campaign.theme ? <p className="text-sm">{t("theme", { theme: campaign.theme })}</p> : null}
        <p className="mt-1 text-xs text-slate-500">
          {t("generated", {
            time: format.dateTime(now, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }),
            name: ctx.membership.displayName,
          })}
        </p>
      </div>

      <section aria-labelledby="r-summary" className={`${sectionClass} keep`}>
        <h2 id="r-summary" className="mb-3 text-lg font-semibold">
          {t("summary")}
        </h2>
        <dl className="grid grid-cols-3 gap-2 text-center sm:grid-cols-7 print:grid-cols-7">
          {figures.map((f) => (
            <div key={f.label} className="rounded-lg bg-slate-50 p-2 ring-1 ring-slate-200">
              <dt className="text-xs text-slate-600">{f.label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="r-matrix" className={`${sectionClass} page-break`}>
        <h2 id="r-matrix" className="mb-3 text-lg font-semibold">
          {t("matrix")}
        </h2>
        <PrintMatrix activities={matrix.activities} units={matrix.units} cells={matrix.cells} />
      </section>

      <section aria-labelledby="r-attention" className={`${sectionClass} page-break`}>
        <h2 id="r-attention" className="mb-3 text-lg font-semibold">
          {t("attention")}
        </h2>
        <AttentionTable items={attention} />
      </section>

      <section aria-labelledby="r-hazards" className={`${sectionClass} keep`}>
        <h2 id="r-hazards" className="mb-3 text-lg font-semibold">
          {t("hazards")}
        </h2>
        <HazardTable rows={hazards} />
      </section>

      <section aria-labelledby="r-sign" className={`${sectionClass} keep`}>
        <h2 id="r-sign" className="mb-3 text-lg font-semibold">
          {t("signOff")}
        </h2>
        <SignOff />
      </section>
    </article>
  );
}
