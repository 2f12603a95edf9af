import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/session";
import { exportOrigin, exportResponse } from "@/lib/exports/export-response";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET ?sheet=summary|matrix|assignments|hazards|audit: one sheet of the compliance report as a UTF-8 CSV. */
export const GET = answersOutage(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sheet = new URL(request.url).searchParams.get("sheet");
  return exportResponse(getDb(), await getActor(), { kind: "campaign_csv", campaignId: id, sheet }, { origin: exportOrigin(request) });
});
