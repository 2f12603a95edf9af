import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import type { OwnProfile } from "@/db/queries/account";
import { CheckboxField } from "./reach-schedule-fields";

/** 邮件提醒: one's own address and the choice to receive reminders there. */
export async function EmailSettingsFields({ profile }: { profile: OwnProfile }) {
  const t = await getTranslations("admin.account.profile");
  return (
    <div className="space-y-3">
      <Field label={t("email")} hint={t("emailHint")}>
        <input name="email" type="email" autoComplete="email" autoCapitalize="off" defaultValue={profile.email ?? ""} className={inputClass} />
      </Field>
      <CheckboxField name="emailNotifications" label={t("notifications")} checked={profile.emailNotifications} />
    </div>
  );
}
