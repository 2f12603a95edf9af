import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusChip } from "@/components/ui/status-chip";
import { TrafficLight } from "@/components/ui/traffic-light";
import { cellAssignments } from "@/db/queries/matrix-cell";
import { requireContext } from "@/lib/auth/session";
import { dashboardQuery, parseDashboardParams } from "@/lib/dashboard-filters";
import { displayState, trafficLight } from "@/lib/status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard.cell");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** One heat-map cell opened: a unit's assignments in one activity, each linking to its evidence and timeline. */
export default async function CellPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireContext("dashboard.view");
  const raw = await searchParams;
  const { phaseId } = parseDashboardParams(raw);
  const cell = await cellAssignments(
    ctx,
    { campaignId: one(raw.campaign), unitId: one(raw.unit), activityId: one(raw.activity) },
    { phaseId },
  );
  if (!cell) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const back = `/dashboard${dashboardQuery({ campaignId: cell.campaignId, phaseId })}`;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={back} className="inline-block py-1 text-sm text-brand-700">
        ← {t("dashboard.cell.back")}
      </Link>
      <header className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
        <p className="text-sm text-slate-500">{cell.campaignName}</p>
        <h1 className="mt-1 text-lg font-semibold leading-snug">
          {cell.unit.name}
          <span className="ml-2 text-sm font-normal text-slate-400">{t(`unitKind.${cell.unit.kind}`)}</span>
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {cell.activityCode ? <span className="mr-1 text-slate-400">{cell.activityCode}</span> : null}
          {cell.activityTitle}
        </p>
        {phaseId ? <p className="mt-1 text-xs text-slate-400">{t("dashboard.cell.phaseFiltered")}</p> : null}
      </header>
      <section aria-labelledby="cell-assignments">
        <h2 id="cell-assignments" className="mb-2 font-semibold">
          {t("dashboard.cell.assignments", { count: cell.assignments.length })}
        </h2>
        {cell.assignments.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("dashboard.cell.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
            {cell.assignments.map((a) => {
              const state = displayState(a.status, a.deadline, now);
              return (
                <li key={a.id}>
                  <Link href={`/tasks/${a.id}`} className="flex items-start gap-3 px-4 py-3 hover:bg-slate-50">
                    <span className="mt-1.5">
                      <TrafficLight light={trafficLight(a.status, a.deadline, now)} />
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium leading-snug">{a.taskTitle}</span>
                      <span className={`mt-1 block text-xs ${state === "overdue" ? "text-red-700" : "text-slate-500"}`}>
                        {t("tasks.deadline")} {format.dateTime(a.deadline, { dateStyle: "medium", timeStyle: "short" })}
                        {a.approvedAt
                          ? ` · ${t("dashboard.cell.approvedAt", { time: format.dateTime(a.approvedAt, { dateStyle: "medium" }) })}`
                          : a.submittedAt
                            ? ` · ${t("dashboard.cell.submittedAt", { time: format.dateTime(a.submittedAt, { dateStyle: "medium" }) })}`
                            : null}
                      </span>
                    </span>
                    <StatusChip state={state} />
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
