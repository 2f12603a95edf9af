import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { QueryContext } from "@/db/queries/context";
import { assignmentHazards } from "@/db/queries/hazards";
import { can } from "@/lib/auth/permissions";
import { hazardDisplayState } from "@/lib/hazard-status";
import { HazardLevelBadge, HazardStatusChip } from "./hazard-badges";

/** On an investigation task's page: the hazards it found, and a 上报隐患 link that links the new one to the task. */
export async function TaskHazards({ ctx, assignmentId, now = new Date() }: { ctx: QueryContext; assignmentId: string; now?: Date }) {
  const t = await getTranslations("hazards");
  const hazards = await assignmentHazards(ctx, assignmentId, now);
  return (
    <section className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold">{t("task.title")}</h2>
        {can(ctx.role, "hazard.report") ? (
          <Link
            href={`/hazards/new?assignment=${assignmentId}`}
            className="flex min-h-11 items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("task.report")}
          </Link>
        ) : null}
      </div>
      {hazards.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("task.empty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {hazards.map((h) => (
            <li key={h.id}>
              <Link href={`/hazards/${h.id}`} className="flex items-start justify-between gap-2 py-2.5">
                <span className="min-w-0">
                  <span className="flex items-center gap-2">
                    <HazardLevelBadge level={h.level} quiet />
                    <span className="font-mono text-xs text-slate-500">{h.number}</span>
                  </span>
                  <span className="mt-0.5 block text-sm font-medium">{h.title}</span>
                </span>
                <HazardStatusChip state={hazardDisplayState(h.status, h.rectificationDeadline, now)} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
