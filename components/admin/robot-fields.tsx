import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import { ROBOT_KINDS } from "@/lib/commands/admin/robots";
import { CheckboxField } from "./reach-schedule-fields";

/** The fields of a new group robot; the secret field is write-only (it is never shown back). */
export async function RobotFields() {
  const t = await getTranslations("admin");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("reach.robots.kind")}>
        <select name="kind" required defaultValue="" className={inputClass}>
          <option value="" disabled>
            {t("choose")}
          </option>
          {ROBOT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`channels.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("reach.robots.name")} hint={t("reach.robots.nameHint")}>
        <input name="name" required maxLength={30} className={inputClass} />
      </Field>
      <Field label={t("reach.robots.webhookUrl")} hint={t("reach.robots.webhookHint")}>
        <input name="webhookUrl" type="url" required autoCapitalize="off" autoComplete="off" className={inputClass} />
      </Field>
      <Field label={t("reach.robots.secret")} hint={t("reach.robots.secretHint")}>
        <input name="secret" type="password" autoComplete="off" className={inputClass} />
      </Field>
      <CheckboxField name="forLiaisons" label={t("reach.robots.forLiaisons")} hint={t("reach.robots.forLiaisonsHint")} checked />
      <CheckboxField name="forLeaders" label={t("reach.robots.forLeaders")} hint={t("reach.robots.forLeadersHint")} checked />
    </div>
  );
}
