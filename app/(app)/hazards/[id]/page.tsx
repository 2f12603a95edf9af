import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssignPanel, PlanPanel, RectifyPanel, ReinspectPanel } from "@/components/hazards/hazard-actions";
import { HazardFacts } from "@/components/hazards/hazard-facts";
import { HazardFileGroups } from "@/components/hazards/hazard-files";
import { HazardTimeline } from "@/components/hazards/hazard-timeline";
import { getHazardDetail, hazardUnitOptions } from "@/db/queries/hazards";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { beijingToday, canCloseAsSecondPerson, canEditAssignment } from "@/lib/hazard-status";
import { assign, close, fail, rectify, uploadPlan } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "隐患详情" };

export default async function HazardPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext("hazard.read");
  const hazard = await getHazardDetail(ctx, (await params).id);
  if (!hazard) notFound();
  const t = await getTranslations("hazards");
  const now = new Date();

  // The server actions check all of this again; here it only decides which forms to show.
  const responsible = ctx.role !== "liaison" || (hazard.responsibleUnitId ?? hazard.unitId) === ctx.unitId;
  const canAssign = can(ctx.role, "hazard.verify") && canEditAssignment(hazard.status);
  const canRectify = can(ctx.role, "hazard.rectify") && responsible && hazard.status === "rectifying";
  const canPlan = can(ctx.role, "hazard.rectify") && responsible && hazard.status !== "verified";
  const canReinspect = can(ctx.role, "hazard.verify") && hazard.status === "rectified";
  const units = canAssign ? await hazardUnitOptions(ctx) : [];

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex items-center justify-between gap-3">
        <Link href="/hazards" className="inline-block py-1 text-sm text-brand-700">
          ← {t("back")}
        </Link>
        {hazard.rectificationDeadline ? (
          <Link href={`/hazards/${hazard.id}/notice`} className="flex min-h-11 items-center rounded-xl bg-white px-4 text-sm font-medium text-brand-700 ring-1 ring-slate-300">
            {t("actions.notice")}
          </Link>
        ) : null}
      </div>
      <HazardFacts hazard={hazard} now={now} />
      <HazardFileGroups before={hazard.beforePhotos} after={hazard.afterPhotos} plans={hazard.plans} />
      {canReinspect ? (
        <ReinspectPanel hazard={hazard} mayClose={canCloseAsSecondPerson(hazard, ctx.userId)} close={close} fail={fail} />
      ) : null}
      {canRectify ? <RectifyPanel hazard={hazard} today={beijingToday(now)} action={rectify} /> : null}
      {canAssign ? <AssignPanel hazard={hazard} units={units} action={assign} /> : null}
      {canPlan && !canRectify ? <PlanPanel hazard={hazard} action={uploadPlan} /> : null}
      <HazardTimeline events={hazard.timeline} />
    </div>
  );
}
