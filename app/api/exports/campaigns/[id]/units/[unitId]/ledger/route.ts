import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/session";
import { exportOrigin, exportResponse } from "@/lib/exports/export-response";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET: one unit's 证据台账 for the campaign as XLSX (a liaison: their own unit only). */
export const GET = answersOutage(async function GET(request: Request, { params }: { params: Promise<{ id: string; unitId: string }> }) {
  const { id, unitId } = await params;
  return exportResponse(
    getDb(),
    await getActor(),
    { kind: "unit_ledger", campaignId: id, unitId },
    { origin: exportOrigin(request) },
  );
});
