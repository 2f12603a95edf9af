import { useTranslations } from "next-intl";
import type { HazardDetail } from "@/db/queries/hazards";
import { hazardDisplayState } from "@/lib/hazard-status";
import { HazardLevelBadge, HazardStatusChip } from "./hazard-badges";

function Row({ label, value, tone }: { label: string; value: React.ReactNode; tone?: string }) {
  if (value === null || value === undefined || value === "") return null;
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className={`whitespace-pre-line ${tone ?? ""}`}>{value}</dd>
    </>
  );
}

/** The ledger fields of one hazard, in the order of the 隐患台账. */
export function HazardFacts({ hazard, now }: { hazard: HazardDetail; now: Date }) {
  const t = useTranslations("hazards");
  const state = hazardDisplayState(hazard.status, hazard.rectificationDeadline, now);
  const f = (key: string) => t(`fields.${key}`);
  return (
    <section className={`rounded-2xl bg-white p-5 ring-1 ${state === "overdue" ? "ring-red-300" : "ring-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <HazardLevelBadge level={hazard.level} />
        <span className="font-mono text-sm text-slate-500">{hazard.number}</span>
        <HazardStatusChip state={state} />
      </div>
      <h1 className="mt-2 text-lg font-semibold leading-snug">{hazard.title}</h1>
      <p className="mt-2 whitespace-pre-line text-sm leading-relaxed text-slate-700">{hazard.description}</p>
      {state === "overdue" ? (
        <p role="status" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-700 ring-1 ring-red-200">
          {t("overdueBadge")} · {t("deadlineOn", { date: hazard.rectificationDeadline ?? "" })}
        </p>
      ) : null}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <Row label={f("unit")} value={hazard.unitName} />
        <Row label={f("location")} value={hazard.location} />
        <Row label={f("industry")} value={hazard.industry} />
        <Row label={f("source")} value={t(`source.${hazard.source}`)} />
        <Row label={f("foundOn")} value={hazard.foundOn} />
        <Row label={f("foundBy")} value={hazard.foundByName ?? (hazard.source === "public_report" ? f("publicReporter") : null)} />
        <Row label={f("task")} value={hazard.taskTitle} />
        <Row label={f("measures")} value={hazard.measures} />
        <Row label={f("interimMeasures")} value={hazard.interimMeasures} />
        <Row label={f("funds")} value={hazard.funds} />
        <Row label={f("responsibleUnit")} value={hazard.responsibleUnitName} />
        <Row label={f("responsiblePerson")} value={hazard.responsiblePerson} />
        <Row label={f("deadline")} value={hazard.rectificationDeadline} tone={state === "overdue" ? "font-medium text-red-700" : ""} />
        <Row label={f("note")} value={hazard.rectificationNote} />
        <Row label={f("rectifiedOn")} value={hazard.rectifiedOn} />
        <Row label={f("rectifiedBy")} value={hazard.rectifiedByName} />
        <Row label={f("verifiedBy")} value={hazard.verifiedByName} />
        <Row label={f("result")} value={hazard.verificationResult} />
        <Row label={f("closedOn")} value={hazard.closedOn} tone="text-emerald-700" />
      </dl>
    </section>
  );
}
