import { getDb } from "@/db/client";
import { loadMembership } from "@/db/queries/context";
import { importTemplate, templateFileName, type ImportKind } from "@/lib/admin/import-template";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { unauthenticatedResponse } from "@/lib/files/serve-file";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /api/admin/import-template?kind=units|users: the XLSX template, for township admins only. */
export const GET = answersOutage(async function GET(request: Request) {
  const actor = await getActor();
  const membership = actor ? await loadMembership(getDb(), actor.userId, actor.orgId) : null;
  if (!membership) return unauthenticatedResponse();
  const kind = new URL(request.url).searchParams.get("kind");
  const permission = kind === "users" ? "user.manage" : "unit.manage";
  if (!can(membership.role, permission) || (kind !== "units" && kind !== "users")) {
    return new Response("未找到该导入模板（kind 应为 units 或 users）", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const body = await importTemplate(kind satisfies ImportKind);
  return new Response(body, {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(templateFileName(kind))}`,
      "Cache-Control": "no-store",
    },
  });
});
