import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import type { AdminMember, AdminUnit } from "@/db/queries/admin";
import { UNIT_KINDS } from "@/lib/campaign-template";

/**
 * The fields of a unit, empty for a new one or filled for editing. 分管领导 is
 * chosen among the township's active leaders and admins (the current one stays
 * listed even if no longer eligible, so saving other fields keeps it).
 */
export async function UnitFields({ unit, members }: { unit?: AdminUnit; members: AdminMember[] }) {
  const t = await getTranslations();
  const supervisors = members.filter(
    (m) => (m.active && (m.role === "leader" || m.role === "admin")) || m.userId === unit?.supervisorUserId,
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("admin.units.kind")}>
        <select name="kind" required defaultValue={unit?.kind ?? ""} className={inputClass}>
          <option value="" disabled>
            {t("admin.choose")}
          </option>
          {UNIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`unitKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("admin.units.code")} hint={t("admin.units.codeHint")}>
        <input name="code" required defaultValue={unit?.code} className={inputClass} />
      </Field>
      <Field label={t("admin.units.name")}>
        <input name="name" required defaultValue={unit?.name} className={inputClass} />
      </Field>
      <Field label={t("admin.units.responsible")}>
        <input name="responsiblePerson" defaultValue={unit?.responsiblePerson ?? ""} className={inputClass} />
      </Field>
      <Field label={t("admin.phone")} hint={t("admin.phoneHint")}>
        <input name="phone" type="tel" inputMode="tel" defaultValue={unit?.phone ?? ""} className={inputClass} />
      </Field>
      <Field label={t("admin.units.responsibleEmail")} hint={t("admin.units.responsibleEmailHint")}>
        <input
          name="responsibleEmail"
          type="email"
          autoCapitalize="off"
          defaultValue={unit?.responsibleEmail ?? ""}
          className={inputClass}
        />
      </Field>
      <Field label={t("admin.units.supervisor")} hint={t("admin.units.supervisorHint")}>
        <select name="supervisorUserId" defaultValue={unit?.supervisorUserId ?? ""} className={inputClass}>
          <option value="">{t("admin.units.noSupervisor")}</option>
          {supervisors.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName}（{t(`roles.${m.role}`)}）
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
