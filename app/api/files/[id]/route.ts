import { getDb } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { evidenceResponse, fileNotFoundResponse, unauthenticatedResponse } from "@/lib/files/serve-file";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { getBlobStore } from "@/lib/storage/blob-store";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET /api/files/<id>[?download=1]: one evidence file, for members who may see its assignment. */
export const GET = answersOutage(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const membership = actor ? await loadMembership(getDb(), actor.userId, actor.orgId) : null;
  if (!membership) return unauthenticatedResponse();
  if (!can(membership.role, "assignment.read")) return fileNotFoundResponse();
  const download = new URL(request.url).searchParams.get("download") === "1";
  return evidenceResponse(contextFor(getDb(), membership), (await params).id, { store: getBlobStore(), download });
});
