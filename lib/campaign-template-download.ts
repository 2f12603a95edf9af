import "server-only";
import { campaignAsTemplate } from "@/db/queries/campaign-template";
import type { QueryContext } from "@/db/queries/context";
import { can } from "@/lib/auth/permissions";

const json = (status: number, error: string) =>
  new Response(JSON.stringify({ error }), { status, headers: { "content-type": "application/json; charset=utf-8" } });

/** A file name for a download: the campaign's name without characters file systems reject. */
function fileNameOf(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").trim().slice(0, 120);
  return `${cleaned || "campaign"}.json`;
}

/**
 * GET /api/campaigns/<id>/template: the campaign as a JSON template, for
 * members who may read campaigns (auditors too: exporting changes nothing).
 * Another township's campaign and a malformed id are both 404.
 */
export async function campaignTemplateResponse(ctx: QueryContext | null, campaignId: string): Promise<Response> {
  if (!ctx) return json(401, "请先登录");
  if (!can(ctx.role, "campaign.read")) return json(404, "未找到该活动");
  const template = await campaignAsTemplate(ctx, campaignId);
  if (!template) return json(404, "未找到该活动");
  const fileName = fileNameOf(template.name);
  return new Response(`${JSON.stringify(template, null, 2)}\n`, {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="campaign.json"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
    },
  });
}
