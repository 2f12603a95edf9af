import { getTranslations } from "next-intl/server";
import { EmailSettingsFields } from "@/components/admin/email-settings-fields";
import { PasswordForm } from "@/components/admin/password-form";
import { ActionForm } from "@/components/campaigns/action-form";
import { ownProfile } from "@/db/queries/account";
import { homePath } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { changeOwnPassword, saveOwnProfile } from "./actions";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const ctx = await requireContext("account.password");
  const { membership } = ctx;
  const t = await getTranslations("admin.account");
  const profile = await ownProfile(ctx);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">{t("pageTitle")}</h1>
      {membership.mustChangePassword ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t("forced")}
        </p>
      ) : null}
      <section aria-labelledby="account-password" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        <h2 id="account-password" className="font-medium">
          {t("title")}
        </h2>
        <PasswordForm action={changeOwnPassword} home={homePath(membership.role)} />
      </section>
      {/* Until a reset password is replaced, every other change is refused: the section waits. */}
      {membership.mustChangePassword ? null : (
        <section aria-labelledby="account-email" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <h2 id="account-email" className="font-medium">
            {t("profile.title")}
          </h2>
          <ActionForm action={saveOwnProfile} submitLabel={t("profile.submit")}>
            <EmailSettingsFields profile={profile} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
