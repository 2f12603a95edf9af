import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { overdueAssignments } from "@/db/queries/dashboard";

type Rows = Awaited<ReturnType<typeof overdueAssignments>>;

/** 逾期清单: open work past its deadline, oldest first, each linking to the assignment. */
export async function OverdueList({ rows }: { rows: Rows }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section>
      <h2 className="mb-2 font-semibold">{t("dashboard.overdueList")}</h2>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("dashboard.noOverdue")}</p>
      ) : (
        <ul className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto rounded-xl bg-white ring-1 ring-slate-200">
          {rows.map((a) => (
            <li key={a.id}>
              <Link href={`/tasks/${a.id}`} className="block px-4 py-2.5 text-sm hover:bg-slate-50">
                <span className="block font-medium">{a.unitName}</span>
                <span className="block truncate text-slate-600">{a.taskTitle}</span>
                <span className="text-xs text-red-700">
                  {t("tasks.deadline")} {format.dateTime(a.deadline, { year: "numeric", month: "2-digit", day: "2-digit" })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
