import Link from "next/link";
import { useTranslations } from "next-intl";
import type { HazardFilters as Filters } from "@/db/queries/hazards";
import { HAZARD_LEVELS, HAZARD_STATUSES } from "@/lib/hazard-status";

const selectClass =
  "mt-1 block w-full rounded-xl border-0 bg-white px-3 py-2.5 text-base ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600";

/** A plain GET form, so filters live in the URL and work without JavaScript. */
export function HazardFilters({ filters, units }: { filters: Filters; units: { id: string; name: string }[] | null }) {
  const t = useTranslations("hazards");
  return (
    <form method="get" aria-label={t("filters.label")} className="grid grid-cols-2 gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-4 lg:grid-cols-6">
      <label className="text-sm text-slate-600">
        {t("filters.status")}
        <select name="status" defaultValue={filters.status ?? ""} className={selectClass}>
          <option value="">{t("filters.all")}</option>
          {HAZARD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-600">
        {t("filters.level")}
        <select name="level" defaultValue={filters.level ?? ""} className={selectClass}>
          <option value="">{t("filters.all")}</option>
          {HAZARD_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {units ? (
        <label className="col-span-2 text-sm text-slate-600">
          {t("filters.unit")}
          <select name="unit" defaultValue={filters.unit ?? ""} className={selectClass}>
            <option value="">{t("filters.all")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="col-span-2 flex min-h-11 items-center gap-2 self-end text-sm text-slate-700 sm:col-span-1">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === true} className="h-5 w-5 rounded text-red-600" />
        {t("filters.overdue")}
      </label>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button type="submit" className="min-h-11 flex-1 rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          {t("filters.apply")}
        </button>
        <Link href="/hazards" className="flex min-h-11 items-center px-2 text-sm text-slate-600">
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
