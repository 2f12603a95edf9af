import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** What waits for a reviewer; a link to /reviews for those who may review, plain figures for the rest. */
export async function ReviewQueueCard({
  counts,
  linked,
}: {
  counts: { submissions: number; extensions: number };
  linked: boolean;
}) {
  const t = await getTranslations("reviews.dashboard");
  const body = (
    <>
      <span className="block text-sm text-slate-500">{t("queue")}</span>
      <span className="mt-1 block text-lg font-semibold text-amber-700">{t("queueCount", { count: counts.submissions })}</span>
      <span className="block text-sm text-slate-600">{t("extensionsCount", { count: counts.extensions })}</span>
      {linked ? <span className="mt-2 block text-sm font-medium text-brand-700">{t("open")} →</span> : null}
    </>
  );
  const className = "block rounded-xl bg-white p-4 ring-1 ring-slate-200";
  return linked ? (
    <Link href="/reviews" className={`${className} hover:ring-brand-600`}>
      {body}
    </Link>
  ) : (
    <section className={className}>{body}</section>
  );
}
