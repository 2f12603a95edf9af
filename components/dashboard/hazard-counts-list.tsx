import { getTranslations } from "next-intl/server";
import type { hazardCounts } from "@/db/queries/dashboard";

type Rows = Awaited<ReturnType<typeof hazardCounts>>;

/** The small hazard summary (status × level); helper D's hazard panel replaces it. */
export async function HazardCountsList({ rows }: { rows: Rows }) {
  const t = await getTranslations("dashboard");
  return (
    <section>
      <h2 className="mb-2 font-semibold">{t("hazards")}</h2>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("noHazards")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl bg-white text-sm ring-1 ring-slate-200">
          {rows.map((h) => (
            <li key={`${h.status}-${h.level}`} className="flex justify-between px-4 py-2.5">
              <span>
                <span className={h.level === "major" ? "font-semibold text-red-700" : ""}>{t(`hazardLevel.${h.level}`)}</span>
                {" · "}
                {t(`hazardStatus.${h.status}`)}
              </span>
              <span className="tabular-nums">{h.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
