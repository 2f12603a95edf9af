import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/hazards/print-button";
import { RectificationNotice } from "@/components/hazards/rectification-notice";
import { getHazardDetail } from "@/db/queries/hazards";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "整改通知书" };

export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext("hazard.read");
  const hazard = await getHazardDetail(ctx, (await params).id);
  if (!hazard) notFound();
  const t = await getTranslations("hazards.notice");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3 print:hidden">
        <Link href={`/hazards/${hazard.id}`} className="inline-block py-1 text-sm text-brand-700">
          ← {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <RectificationNotice hazard={hazard} orgName={ctx.membership.orgName} />
    </div>
  );
}
