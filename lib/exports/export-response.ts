import "server-only";
import type { Db } from "@/db/client";
import { getCampaign } from "@/db/queries/campaigns";
import { contextFor, loadMembership } from "@/db/queries/context";
import { getExportUnit } from "@/db/queries/exports";
import { executeAction, type Actor, type ActionErrorCode } from "@/lib/auth/action-core";
import { can } from "@/lib/auth/permissions";
import { contentDisposition } from "@/lib/files/file-name";
import { ledgerSheet } from "./assignment-rows";
import { campaignSheet, type ReportInput } from "./campaign-sheets";
import { csvStream } from "./csv";
import { recordCampaignExport, recordLedgerExport } from "./record-export";
import { compactDay, exportFileName } from "./sheet";
import { isSheetKey, SHEET_KEYS, SHEET_NAMES } from "./sheet-keys";
import { xlsxStream } from "./xlsx";

export type ExportRequest =
  | { kind: "campaign_xlsx"; campaignId: string }
  | { kind: "campaign_csv"; campaignId: string; sheet: string | null }
  | { kind: "unit_ledger"; campaignId: string; unitId: string };

export interface ExportOptions {
  /** Absolute origin for the links written into the file. */
  origin: string;
  now?: Date;
  pageSize?: number;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

const STATUS_OF: Record<ActionErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unavailable: 503,
};

function download(body: ReadableStream<Uint8Array>, fileName: string, contentType: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const logError = (what: string) => (error: unknown) => console.error(`[export ${what}]`, error);

/**
 * The whole export route, independent of Next so tests can call it: session →
 * active membership → permission → the campaign (and unit) in the caller's
 * scope → an audit row → the streamed file. 401 signed out, 403 without the
 * permission, 404 for another township's or a malformed id, 400 for a bad sheet.
 */
export async function exportResponse(db: Db, actor: Actor | null, request: ExportRequest, options: ExportOptions): Promise<Response> {
  const membership = actor ? await loadMembership(db, actor.userId, actor.orgId) : null;
  if (!actor || !membership) return plain(401, "请先登录");
  const mayExport = can(membership.role, "report.export");
  const mayTakeOwnLedger = membership.role === "liaison" && can(membership.role, "assignment.read");
  if (!(mayExport || (request.kind === "unit_ledger" && mayTakeOwnLedger))) return plain(403, "没有导出权限");
  if (request.kind === "campaign_csv" && !isSheetKey(request.sheet)) {
    return plain(400, `sheet 参数无效，应为 ${SHEET_KEYS.join(" / ")} 之一`);
  }

  const ctx = contextFor(db, membership);
  const campaign = await getCampaign(ctx, request.campaignId);
  if (!campaign) return plain(404, "未找到该活动");
  const now = options.now ?? new Date();
  const day = compactDay(now);

  if (request.kind === "unit_ledger") {
    const unit = await getExportUnit(ctx, request.unitId);
    if (!unit) return plain(404, "未找到该单位");
    const recorded = await executeAction(db, actor, recordLedgerExport.config, { campaignId: campaign.id, unitId: unit.id }, recordLedgerExport.body);
    if (!recorded.ok) return plain(STATUS_OF[recorded.code], recorded.message);
    const sheet = ledgerSheet(ctx, campaign.id, unit.id, { now, origin: options.origin, pageSize: options.pageSize });
    const title = `${campaign.name} ${unit.name} 证据台账`;
    const body = xlsxStream([async () => sheet], { title, creator: membership.displayName }, logError("ledger"));
    return download(body, exportFileName([campaign.name, unit.name, "证据台账", day], "xlsx"), XLSX_TYPE);
  }

  const format = request.kind === "campaign_xlsx" ? "xlsx" : "csv";
  const sheetKey = request.kind === "campaign_csv" && isSheetKey(request.sheet) ? request.sheet : undefined;
  const recorded = await executeAction(
    db,
    actor,
    recordCampaignExport.config,
    { campaignId: campaign.id, format, sheet: sheetKey },
    recordCampaignExport.body,
  );
  if (!recorded.ok) return plain(STATUS_OF[recorded.code], recorded.message);

  const input: ReportInput = { ctx, campaign, now, origin: options.origin, exporterName: membership.displayName, pageSize: options.pageSize };
  if (sheetKey) {
    const body = csvStream(await campaignSheet(sheetKey, input), logError("csv"));
    return download(body, exportFileName([campaign.name, SHEET_NAMES[sheetKey], day], "csv"), "text/csv; charset=utf-8");
  }
  const body = xlsxStream(
    SHEET_KEYS.map((key) => () => campaignSheet(key, input)),
    { title: `${campaign.name} 合规报告`, creator: membership.displayName },
    logError("xlsx"),
  );
  return download(body, exportFileName([campaign.name, "合规报告", day], "xlsx"), XLSX_TYPE);
}

/** Links in the file point at the public address when one is configured, else at the address the request came to. */
export function exportOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured && URL.canParse(configured)) return new URL(configured).origin;
  return new URL(request.url).origin;
}
