import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/session";
import { exportOrigin, exportResponse } from "@/lib/exports/export-response";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET: the campaign's compliance report as one XLSX workbook (汇总, 完成矩阵, 任务明细, 隐患台账, 操作日志). */
export const GET = answersOutage(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportResponse(getDb(), await getActor(), { kind: "campaign_xlsx", campaignId: id }, { origin: exportOrigin(request) });
});
