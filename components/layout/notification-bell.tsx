import Link from "next/link";
import { useTranslations } from "next-intl";
import { BellIcon } from "@/components/submit/icons";

/** The header's bell: a link to the notifications page with the unread count as a badge. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations("submit.notifications");
  return (
    <Link
      href="/notifications"
      aria-label={unread > 0 ? t("bellUnread", { count: unread }) : t("bell")}
      className="relative flex h-10 w-10 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100"
    >
      <BellIcon />
      {unread > 0 ? (
        <span
          aria-hidden
          data-testid="unread-badge"
          className="absolute right-0.5 top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] font-semibold leading-none text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
