import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import type { AdminUnit } from "@/db/queries/admin";
import { UNIT_KINDS } from "@/lib/campaign-template";

/** The fields of a unit, empty for a new one or filled for editing. */
export async function UnitFields({ unit }: { unit?: AdminUnit }) {
  const t = await getTranslations();
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
    </div>
  );
}
