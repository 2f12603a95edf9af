import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { files, hazards, publicReports } from "../schema";
import type { QueryContext } from "./context";
import { hazardScope } from "./hazard-scope";

export interface StoredHazardFile {
  id: string;
  originalName: string;
  mimeType: string;
  storageKey: string;
  sha256: string;
}

const storedColumns = {
  id: files.id,
  originalName: files.originalName,
  mimeType: files.mimeType,
  storageKey: files.storageKey,
  sha256: files.sha256,
};

/**
 * One hazard photo or plan for download, scoped like its hazard (a liaison:
 * their unit's), or a public report's photo for the township's leaders,
 * admins and auditors. Null when it is not the caller's to see.
 */
export async function getHazardFile(ctx: QueryContext, fileId: string): Promise<StoredHazardFile | null> {
  if (!z.uuid().safeParse(fileId).success) return null;
  const [ofHazard] = await ctx.db
    .select(storedColumns)
    .from(files)
    .innerJoin(hazards, and(eq(hazards.orgId, files.orgId), eq(hazards.id, files.hazardId)))
    .where(
      and(
        hazardScope(ctx),
        eq(files.orgId, ctx.orgId),
        eq(files.id, fileId),
        inArray(files.purpose, ["hazard_before", "hazard_after", "hazard_plan"]),
      ),
    )
    .limit(1);
  if (ofHazard) return ofHazard;
  if (ctx.role === "liaison") return null;
  const [ofReport] = await ctx.db
    .select(storedColumns)
    .from(files)
    .innerJoin(publicReports, and(eq(publicReports.orgId, files.orgId), eq(publicReports.id, files.publicReportId)))
    .where(and(eq(publicReports.orgId, ctx.orgId), eq(files.id, fileId), eq(files.purpose, "public_report")))
    .limit(1);
  return ofReport ?? null;
}
