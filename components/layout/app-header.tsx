import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { contextFor, type Membership } from "@/db/queries/context";
import { unreadCount } from "@/db/queries/notifications";
import { can } from "@/lib/auth/permissions";
import { NotificationBell } from "./notification-bell";
import { LocaleSwitch } from "./locale-switch";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export async function AppHeader({ membership }: { membership: Membership }) {
  const t = await getTranslations();
  const role = membership.role;
  const unread = can(role, "notification.read") ? await unreadCount(contextFor(getDb(), membership)) : 0;
  const items = [
    ...(can(role, "dashboard.view") ? [{ href: "/dashboard", label: t("nav.dashboard") }] : []),
    ...(can(role, "county.view") ? [{ href: "/county", label: t("nav.county") }] : []),
    ...(can(role, "assignment.read") ? [{ href: "/tasks", label: role === "liaison" ? t("nav.tasks") : t("nav.allTasks") }] : []),
    ...(can(role, "assignment.review") ? [{ href: "/reviews", label: t("nav.reviews") }] : []),
    ...(can(role, "campaign.read") ? [{ href: "/campaigns", label: t("nav.campaigns") }] : []),
    ...(can(role, "hazard.read") ? [{ href: "/hazards", label: t("nav.hazards") }] : []),
    ...(can(role, "report.export") ? [{ href: "/reports", label: t("nav.reports") }] : []),
    ...(can(role, "user.manage") ? [{ href: "/admin", label: t("nav.admin") }] : []),
  ];
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 pt-3">
        <div className="flex min-w-0 items-center gap-2">
          <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 font-bold text-white">
            督
          </span>
          <div className="min-w-0 leading-tight">
            <p className="truncate text-sm font-semibold">{membership.orgName}</p>
            <p className="truncate text-xs text-slate-500">
              {membership.displayName} · {membership.unitName ?? t(`roles.${role}`)}
            </p>
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          {can(role, "notification.read") ? <NotificationBell unread={unread} /> : null}
          <LocaleSwitch />
          <Link href="/account" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
            {t("nav.account")}
          </Link>
          <SignOutButton />
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-2">
        <NavLinks items={items} label={t("nav.main")} />
      </div>
    </header>
  );
}
