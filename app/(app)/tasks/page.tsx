import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AssignmentList } from "@/components/assignments/assignment-list";
import { LiaisonSummary } from "@/components/home/liaison-summary";
import { listAssignments, type AssignmentListItem } from "@/db/queries/assignments";
import { requireContext } from "@/lib/auth/session";
import { displayState } from "@/lib/status";

export const dynamic = "force-dynamic";

const FILTERS = ["open", "overdue", "done", "all"] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_LABELS = { open: "filterOpen", overdue: "filterOverdue", done: "filterDone", all: "filterAll" } as const;

function matches(filter: Filter, item: AssignmentListItem, now: Date): boolean {
  const state = displayState(item.status, item.deadline, now);
  if (filter === "open") return state !== "approved";
  if (filter === "overdue") return state === "overdue";
  if (filter === "done") return state === "approved";
  return true;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks");
  return { title: t("title") };
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const ctx = await requireContext("assignment.read");
  const t = await getTranslations("tasks");
  const requested = (await searchParams).filter;
  const filter: Filter = FILTERS.find((f) => f === requested) ?? "open";
  const now = new Date();
  const all = await listAssignments(ctx);
  const items = all.filter((item) => matches(filter, item, now));
  const isLiaison = ctx.role === "liaison";

  return (
    <div className="mx-auto max-w-3xl">
      {isLiaison ? (
        <div className="mb-5">
          <LiaisonSummary ctx={ctx} now={now} />
        </div>
      ) : null}
      <div className="mb-3 flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">{isLiaison ? t("title") : t("titleAll")}</h1>
        <span className="text-sm text-slate-500">{t("count", { count: items.length })}</span>
      </div>
      <div className="mb-4 flex gap-2 overflow-x-auto pb-1">
        {FILTERS.map((f) => (
          <Link
            key={f}
            href={`/tasks?filter=${f}`}
            aria-current={f === filter ? "true" : undefined}
            className={`whitespace-nowrap rounded-full px-4 py-2 text-sm font-medium ring-1 ${
              f === filter ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-200"
            }`}
          >
            {t(FILTER_LABELS[f])}
          </Link>
        ))}
      </div>
      <AssignmentList items={items} now={now} showUnit={!isLiaison} />
    </div>
  );
}
