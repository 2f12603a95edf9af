import { useFormatter, useTranslations } from "next-intl";
import type { NotificationItem } from "@/db/queries/notifications";

const KIND_STYLES: Record<NotificationItem["kind"], string> = {
  assigned: "bg-brand-50 text-brand-700 ring-blue-200",
  returned: "bg-orange-50 text-orange-800 ring-orange-200",
  approved: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  reminder: "bg-red-50 text-red-700 ring-red-200",
  extension_decided: "bg-violet-50 text-violet-700 ring-violet-200",
  hazard_assigned: "bg-amber-50 text-amber-800 ring-amber-200",
  due_soon: "bg-amber-50 text-amber-800 ring-amber-200",
  overdue: "bg-red-50 text-red-700 ring-red-200",
  ack_chase: "bg-orange-50 text-orange-800 ring-orange-200",
  escalation: "bg-red-50 text-red-700 ring-red-200",
  supervision: "bg-red-50 text-red-700 ring-red-200",
  digest: "bg-slate-50 text-slate-700 ring-slate-200",
  period_open: "bg-brand-50 text-brand-700 ring-blue-200",
};

/**
 * Newest first; unread ones stand out. Opening one goes through
 * /notifications/<id>/open, which marks it read — a plain <a>, because a
 * prefetching <Link> would mark notifications read that were never opened.
 */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const t = useTranslations("submit.notifications");
  const format = useFormatter();
  if (items.length === 0) {
    return <p className="rounded-xl bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200">{t("empty")}</p>;
  }
  return (
    <ul className="space-y-2">
      {items.map((n) => {
        const unread = n.readAt === null;
        return (
          <li key={n.id}>
            <a
              href={`/notifications/${n.id}/open`}
              className={`flex items-start gap-3 rounded-xl p-4 ring-1 active:bg-slate-50 ${
                unread ? "bg-white ring-brand-600/40 hover:ring-brand-600" : "bg-white/60 ring-slate-200 hover:ring-slate-300"
              }`}
            >
              <span
                aria-hidden
                className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${unread ? "bg-brand-600" : "bg-transparent"}`}
              />
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${KIND_STYLES[n.kind]}`}>
                    {t(`kind.${n.kind}`)}
                  </span>
                  {unread ? <span className="sr-only">{t("unread")}</span> : null}
                  <time className="text-xs text-slate-400">
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </span>
                <span className={`mt-1 block leading-snug ${unread ? "font-semibold text-slate-900" : "text-slate-600"}`}>
                  {n.title}
                </span>
                {n.body ? <span className="mt-1 block text-sm text-slate-500">{n.body}</span> : null}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
