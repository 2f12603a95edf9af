import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { HandoverFields } from "@/components/admin/handover-fields";
import { OneTimePasswordForm } from "@/components/admin/one-time-password-form";
import { UserFields } from "@/components/admin/user-fields";
import { ActionForm } from "@/components/campaigns/action-form";
import { listMembers, listUnits } from "@/db/queries/admin";
import { requireContext } from "@/lib/auth/session";
import { activateUser, addUser, editUser, handOver, resetUserPassword } from "./actions";

export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const ctx = await requireContext("user.manage");
  const t = await getTranslations();
  const [members, units] = await Promise.all([listMembers(ctx), listUnits(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("admin.users.title")}</h1>
      <AdminTabs current="users" />
      <details className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("admin.users.create")}</summary>
        <section aria-label={t("admin.users.create")} className="mt-3">
          <OneTimePasswordForm action={addUser} submitLabel={t("admin.users.createSubmit")} resetOnSuccess>
            <UserFields units={units} />
          </OneTimePasswordForm>
        </section>
      </details>
      <ul aria-label={t("admin.users.list")} className="space-y-2">
        {members.map((m) => (
          <li key={m.userId} aria-label={m.displayName} className={`rounded-xl bg-white p-4 ring-1 ring-slate-200 ${m.active ? "" : "opacity-70"}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-medium">
                {m.displayName}
                <span className="ml-2 text-xs text-slate-500">{m.username}</span>
              </h2>
              <span className="text-xs text-slate-600">
                {t(`roles.${m.role}`)}
                {m.unitName ? ` · ${m.unitName}` : ""}
                {m.active ? "" : ` · ${t("admin.users.inactive")}`}
              </span>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {t("admin.phone")}：{m.phone ?? "—"} · {t("admin.email")}：{m.email ?? "—"}
              {m.mustChangePassword ? ` · ${t("admin.users.mustChange")}` : ""}
            </p>
            {m.userId === ctx.userId ? null : (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">{t("admin.manage")}</summary>
                <div className="mt-3 space-y-4">
                  <ActionForm action={editUser} submitLabel={t("admin.save")} hidden={{ userId: m.userId }}>
                    <UserFields member={m} units={units} />
                  </ActionForm>
                  <div className="flex flex-wrap gap-2">
                    <OneTimePasswordForm
                      action={resetUserPassword}
                      variant="secondary"
                      submitLabel={t("admin.users.resetPassword")}
                      confirm={t("admin.users.resetConfirm", { name: m.displayName })}
                      hidden={{ userId: m.userId }}
                    />
                    <ActionForm
                      action={activateUser}
                      variant={m.active ? "danger" : "secondary"}
                      submitLabel={m.active ? t("admin.users.deactivate") : t("admin.users.reactivate")}
                      confirm={m.active ? t("admin.users.deactivateConfirm", { name: m.displayName }) : undefined}
                      hidden={{ userId: m.userId, active: String(!m.active) }}
                    />
                  </div>
                  {m.role === "liaison" && m.active ? (
                    <section aria-label={t("admin.handover.title")} className="rounded-lg bg-slate-50 p-3">
                      <h3 className="mb-2 text-sm font-medium">{t("admin.handover.title")}</h3>
                      <p className="mb-3 text-xs text-slate-500">{t("admin.handover.hint", { unit: m.unitName ?? "" })}</p>
                      <OneTimePasswordForm
                        action={handOver}
                        submitLabel={t("admin.handover.submit")}
                        hidden={{ fromUserId: m.userId }}
                      >
                        <HandoverFields candidates={members.filter((c) => c.active && c.userId !== m.userId && c.role !== "admin")} />
                      </OneTimePasswordForm>
                    </section>
                  ) : null}
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
