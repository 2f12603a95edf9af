import { useTranslations } from "next-intl";
import type { HazardDetail } from "@/db/queries/hazards";

/** Only while printing: A4 pages, and nothing of the app around the sheet. */
const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { background: #fff !important; }
  body header { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
}
`;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] border-b border-slate-400 last:border-b-0 print:grid-cols-[28mm_1fr]">
      <div className="border-r border-slate-400 bg-slate-50 px-3 py-3 font-medium print:bg-transparent">{title}</div>
      <div className="whitespace-pre-line px-3 py-3 leading-relaxed">{children}</div>
    </div>
  );
}

/** 整改通知书: the formal notice a unit signs for, laid out for an A4 sheet. */
export function RectificationNotice({ hazard, orgName }: { hazard: HazardDetail; orgName: string }) {
  const t = useTranslations("hazards.notice");
  const unit = hazard.responsibleUnitName ?? hazard.unitName;
  return (
    <article className="notice-sheet mx-auto max-w-[210mm] bg-white px-6 py-8 text-[15px] text-slate-900 ring-1 ring-slate-200 sm:px-12 print:max-w-none print:p-0 print:ring-0">
      <style>{PRINT_CSS}</style>
      <h1 className="text-center text-2xl font-bold tracking-widest">{t("title")}</h1>
      <p className="mt-3 text-right font-mono text-sm">{t("docNumber", { number: hazard.number })}</p>
      <p className="mt-6 font-medium">{t("to", { unit })}</p>
      <p className="mt-2 indent-8 leading-relaxed">{t("body")}</p>
      <div className="mt-5 border border-slate-400">
        <Section title={t("hazard")}>
          <span className="font-medium">{hazard.title}</span>
          {"\n"}
          {hazard.location}
          {"\n"}
          {hazard.description}
        </Section>
        <Section title={t("measures")}>{hazard.measures ?? ""}</Section>
        <Section title={t("deadline")}>
          {hazard.rectificationDeadline ? t("deadlineText", { date: hazard.rectificationDeadline }) : t("noDeadline")}
        </Section>
        {hazard.interimMeasures ? <Section title={t("interim")}>{hazard.interimMeasures}</Section> : null}
      </div>
      <p className="mt-4 indent-8 leading-relaxed">{t("warning")}</p>
      <div className="mt-12 grid grid-cols-2 gap-8 text-sm">
        <div className="space-y-8">
          <p>{t("receiver")}</p>
          <p>{t("receivedOn")}</p>
        </div>
        <div className="space-y-8 text-right">
          <p className="text-left">{t("inspector")}</p>
          <p>{t("issuer", { org: orgName })}</p>
          <p>{t("issuedOn")}</p>
        </div>
      </div>
    </article>
  );
}
