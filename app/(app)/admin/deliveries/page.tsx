import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { DeliveryLog } from "@/components/admin/delivery-log";
import { inputClass } from "@/components/campaigns/form-styles";
import { DELIVERY_STATUSES, listDeliveries, type DeliveryStatus } from "@/db/queries/reach-admin";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const statusOf = (value: unknown): DeliveryStatus | null =>
  DELIVERY_STATUSES.find((s) => s === value) ?? null;

export default async function AdminDeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireContext("org.settings");
  const t = await getTranslations("admin.deliveries");
  // An unknown status (or a repeated one) shows everything rather than an error.
  const status = statusOf((await searchParams).status);
  const rows = await listDeliveries(ctx, { status });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <AdminTabs current="deliveries" />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("filter")}</span>
          <select name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-10 rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          {t("apply")}
        </button>
        {status ? (
          <Link href="/admin/deliveries" className="flex min-h-10 items-center px-2 text-sm text-slate-600">
            {t("all")}
          </Link>
        ) : null}
      </form>
      <DeliveryLog rows={rows} />
    </div>
  );
}
