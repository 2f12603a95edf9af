import { getDb } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { fileNotFoundResponse, unauthenticatedResponse } from "@/lib/files/serve-file";
import { hazardFileResponse } from "@/lib/hazards/file-response";
import { getBlobStore } from "@/lib/storage/blob-store";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET /api/hazard-files/<id>[?download=1]: a hazard's photo or plan, or a public report's photo, for those who may see it. */
export const GET = answersOutage(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const membership = actor ? await loadMembership(getDb(), actor.userId, actor.orgId) : null;
  if (!membership) return unauthenticatedResponse();
  if (!can(membership.role, "hazard.read")) return fileNotFoundResponse();
  const download = new URL(request.url).searchParams.get("download") === "1";
  return hazardFileResponse(contextFor(getDb(), membership), (await params).id, { store: getBlobStore(), download });
});
