import { useTranslations } from "next-intl";

const STYLES = {
  draft: "bg-slate-100 text-slate-700 ring-slate-200",
  active: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  closed: "bg-slate-200 text-slate-600 ring-slate-300",
} as const;

export function CampaignStatusBadge({ status }: { status: keyof typeof STYLES }) {
  const t = useTranslations("campaigns.status");
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
