import { getDb } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { getActor } from "@/lib/auth/session";
import { campaignTemplateResponse } from "@/lib/campaign-template-download";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET /api/campaigns/<id>/template: download the campaign as a JSON template (导出模板). */
export const GET = answersOutage(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const membership = actor ? await loadMembership(getDb(), actor.userId, actor.orgId) : null;
  return campaignTemplateResponse(membership && contextFor(getDb(), membership), (await params).id);
});
