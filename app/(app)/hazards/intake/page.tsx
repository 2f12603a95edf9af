import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IntakeCard } from "@/components/hazards/intake-card";
import { hazardUnitOptions } from "@/db/queries/hazards";
import { publicReportPageCode, publicReportQueue } from "@/db/queries/public-reports";
import { requireContext } from "@/lib/auth/session";
import { acceptReport, dismissReport } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hazards.intake");
  return { title: t("title") };
}

export default async function IntakePage() {
  const ctx = await requireContext("hazard.verify");
  const t = await getTranslations("hazards");
  const [queue, units, code] = await Promise.all([publicReportQueue(ctx), hazardUnitOptions(ctx), publicReportPageCode(ctx)]);

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href="/hazards" className="inline-block py-1 text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{t("intake.title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("intake.subtitle")}</p>
        {code ? (
          <p className="mt-1 text-sm text-slate-500">
            {t("intake.publicPage", { url: "" })}
            <Link href={`/report/${code}`} className="font-mono text-brand-700 underline">
              /report/{code}
            </Link>
          </p>
        ) : null}
      </div>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("intake.waiting", { count: queue.waiting.length })}</h2>
        {queue.waiting.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200">{t("intake.empty")}</p>
        ) : (
          queue.waiting.map((r) => <IntakeCard key={r.id} report={r} units={units} accept={acceptReport} dismiss={dismissReport} />)
        )}
      </section>
      {queue.decided.length > 0 ? (
        <section className="space-y-3">
          <h2 className="font-semibold">{t("intake.decided")}</h2>
          {queue.decided.map((r) => (
            <IntakeCard key={r.id} report={r} units={[]} accept={null} dismiss={null} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
