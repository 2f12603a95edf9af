import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { UnitFields } from "@/components/admin/unit-fields";
import { ActionForm } from "@/components/campaigns/action-form";
import { listMembers, listUnits } from "@/db/queries/admin";
import { requireContext } from "@/lib/auth/session";
import { addUnit, archiveUnit, editUnit } from "./actions";

export const dynamic = "force-dynamic";

export default async function AdminUnitsPage() {
  const ctx = await requireContext("unit.manage");
  const t = await getTranslations();
  const [units, members] = await Promise.all([listUnits(ctx), listMembers(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("admin.units.title")}</h1>
      <AdminTabs current="units" />
      <details className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("admin.units.create")}</summary>
        <section aria-label={t("admin.units.create")} className="mt-3">
          <ActionForm action={addUnit} submitLabel={t("admin.units.createSubmit")} resetOnSuccess>
            <UnitFields members={members} />
          </ActionForm>
        </section>
      </details>
      <ul aria-label={t("admin.units.list")} className="space-y-2">
        {units.map((unit) => (
          <li key={unit.id} className={`rounded-xl bg-white p-4 ring-1 ring-slate-200 ${unit.archived ? "opacity-70" : ""}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-medium">
                {unit.name}
                <span className="ml-2 text-xs text-slate-500">
                  {t(`unitKind.${unit.kind}`)} · {unit.code}
                </span>
              </h2>
              {unit.archived ? (
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("admin.units.archived")}</span>
              ) : null}
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-600">
              <dt>{t("admin.units.responsible")}</dt>
              <dd>{unit.responsiblePerson ?? "—"}</dd>
              <dt>{t("admin.phone")}</dt>
              <dd>{unit.phone ?? "—"}</dd>
              <dt>{t("admin.units.responsibleEmail")}</dt>
              <dd className="break-all">{unit.responsibleEmail ?? "—"}</dd>
              <dt>{t("admin.units.supervisor")}</dt>
              <dd>{unit.supervisorName ?? "—"}</dd>
              <dt>{t("admin.units.liaisons")}</dt>
              <dd>{unit.liaisons.length > 0 ? unit.liaisons.join("、") : "—"}</dd>
            </dl>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">{t("admin.edit")}</summary>
              <div className="mt-3 space-y-3">
                <ActionForm action={editUnit} submitLabel={t("admin.save")} hidden={{ unitId: unit.id }}>
                  <UnitFields unit={unit} members={members} />
                </ActionForm>
                <ActionForm
                  action={archiveUnit}
                  variant={unit.archived ? "secondary" : "danger"}
                  submitLabel={unit.archived ? t("admin.units.unarchive") : t("admin.units.archive")}
                  confirm={unit.archived ? undefined : t("admin.units.archiveConfirm", { name: unit.name })}
                  hidden={{ unitId: unit.id, archived: String(!unit.archived) }}
                />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
