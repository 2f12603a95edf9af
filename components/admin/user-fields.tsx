import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import type { AdminMember, AdminUnit } from "@/db/queries/admin";
import { TOWNSHIP_ROLES } from "@/lib/auth/permissions";

/** A user's fields; the login name is set once, at creation. The unit applies to liaisons only. */
export async function UserFields({ member, units }: { member?: AdminMember; units: AdminUnit[] }) {
  const t = await getTranslations();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t("admin.users.displayName")}>
        <input name="displayName" required defaultValue={member?.displayName} className={inputClass} />
      </Field>
      {member ? null : (
        <Field label={t("admin.users.username")} hint={t("admin.users.usernameHint")}>
          <input name="username" required autoCapitalize="off" className={inputClass} />
        </Field>
      )}
      <Field label={t("admin.phone")} hint={t("admin.phoneHint")}>
        <input name="phone" type="tel" inputMode="tel" defaultValue={member?.phone ?? ""} className={inputClass} />
      </Field>
      <Field label={t("admin.email")} hint={t("admin.users.emailHint")}>
        <input name="email" type="email" autoCapitalize="off" defaultValue={member?.email ?? ""} className={inputClass} />
      </Field>
      <Field label={t("admin.users.role")}>
        <select name="role" required defaultValue={member?.role ?? ""} className={inputClass}>
          <option value="" disabled>
            {t("admin.choose")}
          </option>
          {TOWNSHIP_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("admin.users.unit")} hint={t("admin.users.unitHint")}>
        <select name="unitId" defaultValue={member?.unitId ?? ""} className={inputClass}>
          <option value="">{t("admin.users.noUnit")}</option>
          {units
            .filter((u) => !u.archived || u.id === member?.unitId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}（{u.code}）
              </option>
            ))}
        </select>
      </Field>
    </div>
  );
}
