import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { listNotifications } from "@/db/queries/notifications";
import { requireContext } from "@/lib/auth/session";
import { markRead } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("submit.notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const ctx = await requireContext("notification.read");
  const t = await getTranslations("submit.notifications");
  const items = await listNotifications(ctx);
  const unread = items.filter((n) => n.readAt === null).length;

  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-3 flex items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{unread > 0 ? t("unreadCount", { count: unread }) : t("allRead")}</p>
        </div>
        {unread > 0 ? <MarkAllReadButton action={markRead} /> : null}
      </div>
      <NotificationList items={items} />
    </div>
  );
}
