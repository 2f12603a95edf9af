import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/campaigns/action-form";
import { ActivityFields, ActivitySection } from "@/components/campaigns/activity-section";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { PhaseList } from "@/components/campaigns/phase-list";
import {
  getCampaignEditor,
  listActiveUnits,
  listCampaignAssignments,
  listSupervisorCandidates,
  type EditorActivity,
} from "@/db/queries/campaign-editor";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { saveActivity } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns");
  return { title: t("detail.title") };
}

/** Consecutive activities with the same grouping label (专题, 专项 …) under one heading. */
function groupsOf(activities: EditorActivity[]) {
  const groups: { label: string | null; activities: EditorActivity[] }[] = [];
  for (const activity of activities) {
    const last = groups[groups.length - 1];
    if (last && last.label === activity.grouping) last.activities.push(activity);
    else groups.push({ label: activity.grouping, activities: [activity] });
  }
  return groups;
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext("campaign.read");
  const { id } = await params;
  const editor = await getCampaignEditor(ctx, id);
  if (!editor) notFound();
  const [assignments, units, supervisors, t] = await Promise.all([
    listCampaignAssignments(ctx, id),
    listActiveUnits(ctx),
    listSupervisorCandidates(ctx),
    getTranslations("campaigns"),
  ]);
  const canManage = can(ctx.role, "campaign.manage");
  const phases = editor.phases.map((p) => ({ id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn }));

  return (
    <div className="space-y-4">
      <Link href="/campaigns" className="inline-block py-1 text-sm text-brand-700">
        ← {t("detail.back")}
      </Link>
      <CampaignHeader editor={editor} canManage={canManage} />
      {phases.length > 0 || canManage ? <PhaseList campaignId={id} phases={phases} canManage={canManage} /> : null}
      <div className="space-y-4">
        <h2 className="font-semibold">{t("activity.title")}</h2>
        {editor.activities.length === 0 ? <p className="text-sm text-slate-500">{t("activity.none")}</p> : null}
        {groupsOf(editor.activities).map((group, i) => (
          <div key={`${group.label ?? "-"}-${i}`} className="space-y-3">
            {group.label ? <h3 className="text-sm font-medium text-slate-500">{group.label}</h3> : null}
            {group.activities.map((activity) => (
              <ActivitySection
                key={activity.id}
                activity={activity}
                campaignId={id}
                phases={phases}
                units={units}
                assignments={assignments}
                supervisors={supervisors}
                canManage={canManage}
              />
            ))}
          </div>
        ))}
      </div>
      {canManage ? (
        <section aria-labelledby="add-activity" className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <h2 id="add-activity" className="mb-3 font-semibold">{t("activity.add")}</h2>
          <ActionForm action={saveActivity} hidden={{ campaignId: id }} submitLabel={t("activity.add")} resetOnSuccess>
            <ActivityFields supervisors={supervisors} />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
