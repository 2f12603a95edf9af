import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { assignments, files, submissions } from "../schema";
import type { QueryContext } from "./context";
import { assignmentScope } from "./scope";

export interface EvidenceFile {
  id: string;
  submissionId: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

/**
 * The evidence files of the given submissions that the caller may see: the
 * submission's assignment must be in the caller's scope (township, and unit
 * for a liaison), checked in the join itself.
 */
export async function listSubmissionFiles(ctx: QueryContext, submissionIds: string[]): Promise<EvidenceFile[]> {
  if (submissionIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: files.id,
      submissionId: files.submissionId,
      originalName: files.originalName,
      mimeType: files.mimeType,
      sizeBytes: files.sizeBytes,
      uploadedAt: files.uploadedAt,
    })
    .from(files)
    .innerJoin(submissions, and(eq(submissions.orgId, files.orgId), eq(submissions.id, files.submissionId)))
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .where(and(assignmentScope(ctx), eq(files.orgId, ctx.orgId), inArray(files.submissionId, submissionIds)))
    .orderBy(asc(files.uploadedAt), asc(files.originalName));
  return rows.map((row) => ({ ...row, submissionId: row.submissionId! }));
}

export interface StoredEvidenceFile extends EvidenceFile {
  storageKey: string;
  sha256: string;
}

/**
 * One evidence file for download, or null when it is not the caller's to see:
 * scoped through its submission's assignment like listSubmissionFiles.
 */
export async function getEvidenceFile(ctx: QueryContext, fileId: string): Promise<StoredEvidenceFile | null> {
  if (!z.uuid().safeParse(fileId).success) return null;
  const [row] = await ctx.db
    .select({
      id: files.id,
      submissionId: files.submissionId,
      originalName: files.originalName,
      mimeType: files.mimeType,
      sizeBytes: files.sizeBytes,
      uploadedAt: files.uploadedAt,
      storageKey: files.storageKey,
      sha256: files.sha256,
    })
    .from(files)
    .innerJoin(submissions, and(eq(submissions.orgId, files.orgId), eq(submissions.id, files.submissionId)))
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .where(and(assignmentScope(ctx), eq(files.orgId, ctx.orgId), eq(files.id, fileId), eq(files.purpose, "evidence")))
    .limit(1);
  return row ? { ...row, submissionId: row.submissionId! } : null;
}
