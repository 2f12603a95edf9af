import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/admin/password-form";
import { homePath } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { changeOwnPassword } from "./actions";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const { membership } = await requireContext("account.password");
  const t = await getTranslations("admin.account");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {membership.mustChangePassword ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t("forced")}
        </p>
      ) : null}
      <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
        <PasswordForm action={changeOwnPassword} home={homePath(membership.role)} />
      </section>
    </div>
  );
}
