import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SHEET_KEYS } from "@/lib/exports/sheet-keys";
import { DownloadLink } from "./download-link";
import { LedgerPicker, type LedgerUnit } from "./ledger-picker";

const primary =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 aria-busy:opacity-80";
const outline =
  "inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-4 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-brand-50";
const chip =
  "inline-flex min-h-10 items-center rounded-full bg-white px-3 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";

/** The export actions of one campaign on the reports page: XLSX, per-sheet CSV, print, unit ledger. */
export async function CampaignExports({ campaignId, units }: { campaignId: string; units: LedgerUnit[] }) {
  const t = await getTranslations("exports");
  const base = `/api/exports/campaigns/${campaignId}`;
  return (
    <section aria-label={t("heading")} className="space-y-4 border-t border-slate-100 pt-4 lg:border-l lg:border-t-0 lg:pl-5 lg:pt-0">
      <div className="flex flex-wrap items-start gap-2">
        <DownloadLink href={`${base}/xlsx`} className={primary}>
          {t("downloadXlsx")}
        </DownloadLink>
        <Link href={`/reports/${campaignId}/print`} className={outline}>
          {t("print")}
        </Link>
      </div>
      <p className="-mt-2 text-xs text-slate-500">{t("xlsxHint")}</p>
      <div>
        <h3 className="mb-1.5 text-sm font-medium text-slate-700">{t("csvHeading")}</h3>
        <div className="flex flex-wrap gap-2">
          {SHEET_KEYS.map((sheet) => (
            <DownloadLink key={sheet} href={`${base}/csv?sheet=${sheet}`} className={chip}>
              {t("csvLink", { sheet: t(`sheets.${sheet}`) })}
            </DownloadLink>
          ))}
        </div>
      </div>
      <div>
        <h3 className="mb-1.5 text-sm font-medium text-slate-700">{t("ledgerHeading")}</h3>
        <LedgerPicker campaignId={campaignId} units={units} buttonClassName={outline} />
      </div>
    </section>
  );
}
