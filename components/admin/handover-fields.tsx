import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import type { AdminMember } from "@/db/queries/admin";

/** Pick an existing member as successor, or fill in a new user (not both). */
export async function HandoverFields({ candidates }: { candidates: AdminMember[] }) {
  const t = await getTranslations("admin.handover");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("existing")}>
        <select name="successorUserId" defaultValue="" className={inputClass}>
          <option value="">{t("none")}</option>
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.displayName}（{c.username}）
            </option>
          ))}
        </select>
      </Field>
      <p className="self-end pb-2 text-xs text-slate-500 sm:col-span-1">{t("orNew")}</p>
      <Field label={t("newDisplayName")}>
        <input name="newDisplayName" className={inputClass} />
      </Field>
      <Field label={t("newUsername")}>
        <input name="newUsername" autoCapitalize="off" className={inputClass} />
      </Field>
      <Field label={t("newPhone")}>
        <input name="newPhone" type="tel" inputMode="tel" className={inputClass} />
      </Field>
    </div>
  );
}
