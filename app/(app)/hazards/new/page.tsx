import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReportHazardForm } from "@/components/hazards/report-hazard-form";
import { getAssignmentDetail } from "@/db/queries/assignments";
import { hazardUnitOptions } from "@/db/queries/hazards";
import { requireContext } from "@/lib/auth/session";
import { beijingToday } from "@/lib/hazard-status";
import { report } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hazards");
  return { title: t("form.reportTitle") };
}

export default async function ReportHazardPage({ searchParams }: { searchParams: Promise<{ assignment?: string | string[] }> }) {
  const ctx = await requireContext("hazard.report");
  const t = await getTranslations("hazards");
  const requested = (await searchParams).assignment;
  const assignment = typeof requested === "string" ? await getAssignmentDetail(ctx, requested) : null;
  if (requested !== undefined && !assignment) notFound();
  const units = ctx.role === "liaison" ? null : await hazardUnitOptions(ctx);

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={assignment ? `/tasks/${assignment.id}` : "/hazards"} className="inline-block py-1 text-sm text-brand-700">
        ← {assignment ? assignment.taskTitle : t("back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("form.reportTitle")}</h1>
      <ReportHazardForm
        action={report}
        units={units}
        fixedUnitName={ctx.membership.unitName}
        assignment={assignment ? { id: assignment.id, taskTitle: assignment.taskTitle, unitName: assignment.unitName } : null}
        today={beijingToday(new Date())}
      />
    </div>
  );
}
