import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import { files } from "@/db/schema";
import { ActionError, type ActionContext } from "@/lib/auth/action-core";
import { sanitizeFileName } from "@/lib/files/file-name";
import { EVIDENCE_MIME_TYPES, sniffMimeType } from "@/lib/files/sniff";
import { getBlobStore, newBlobKey } from "@/lib/storage/blob-store";

export const MAX_HAZARD_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_HAZARD_FILES = 10;

export type HazardFilePurpose = "hazard_before" | "hazard_after" | "hazard_plan";

const PHOTO_TYPES: ReadonlySet<string> = new Set([
  EVIDENCE_MIME_TYPES.jpg,
  EVIDENCE_MIME_TYPES.png,
  EVIDENCE_MIME_TYPES.webp,
  EVIDENCE_MIME_TYPES.heic,
  EVIDENCE_MIME_TYPES.heif,
]);
const PLAN_TYPES: ReadonlySet<string> = new Set([
  EVIDENCE_MIME_TYPES.pdf,
  EVIDENCE_MIME_TYPES.docx,
  EVIDENCE_MIME_TYPES.jpg,
  EVIDENCE_MIME_TYPES.png,
]);

/**
 * A list of uploads from a form field: one File, several, or none. An empty
 * file input sends one nameless, empty File, which is not an upload.
 */
export const uploadList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((f) => !(f instanceof File && f.size === 0 && f.name === "")),
  z.array(z.instanceof(File, { error: "请选择文件" })).max(MAX_HAZARD_FILES, `每次最多上传 ${MAX_HAZARD_FILES} 个文件`),
);

export interface CheckedFile {
  name: string;
  bytes: Buffer;
  mimeType: string;
  sha256: string;
}

/** Reads and checks every file before anything is written: size, then the type sniffed from the bytes. */
export async function checkHazardFiles(uploads: File[], kind: "photo" | "plan"): Promise<CheckedFile[]> {
  const allowed = kind === "photo" ? PHOTO_TYPES : PLAN_TYPES;
  const checked: CheckedFile[] = [];
  for (const file of uploads) {
    const name = sanitizeFileName(file.name);
    if (file.size > MAX_HAZARD_FILE_BYTES) throw new ActionError("invalid", `“${name}”超过 20 MB，请压缩后再上传`);
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length === 0) throw new ActionError("invalid", `“${name}”是空文件`);
    const mimeType = sniffMimeType(bytes);
    if (!mimeType || !allowed.has(mimeType)) {
      throw new ActionError(
        "invalid",
        kind === "photo"
          ? `“${name}”不是照片（支持 jpg、png、webp、heic）`
          : `“${name}”不是支持的整改方案格式（支持 pdf、docx、jpg、png）`,
      );
    }
    checked.push({ name, bytes, mimeType, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return checked;
}

/**
 * Stores the bytes, then the file rows pointing at them, and returns one audit
 * entry per file. Blobs written before a failure are removed (best effort: a
 * failed commit after the body returns can leave unreferenced blobs, which are
 * harmless because nothing points at them). Call it last in a command body.
 */
export async function storeHazardFiles(
  ctx: ActionContext,
  hazardId: string,
  purpose: HazardFilePurpose,
  checked: CheckedFile[],
): Promise<{ ids: string[]; audit: AuditEntry[] }> {
  if (checked.length === 0) return { ids: [], audit: [] };
  const now = new Date();
  const store = getBlobStore();
  const written: string[] = [];
  try {
    const rows = [];
    for (const file of checked) {
      const storageKey = newBlobKey(ctx.orgId, now);
      await store.put(storageKey, file.bytes);
      written.push(storageKey);
      rows.push({
        orgId: ctx.orgId,
        purpose,
        hazardId,
        storageKey,
        originalName: file.name,
        mimeType: file.mimeType,
        sizeBytes: file.bytes.length,
        sha256: file.sha256,
        uploadedBy: ctx.userId,
        uploadedAt: now,
      });
    }
    const stored = await ctx.tx
      .insert(files)
      .values(rows)
      .returning({ id: files.id, originalName: files.originalName, sha256: files.sha256 });
    return {
      ids: stored.map((f) => f.id),
      audit: stored.map((f) => ({
        action: "file.upload",
        entityType: "file",
        entityId: f.id,
        after: { hazardId, purpose, originalName: f.originalName, sha256: f.sha256 },
      })),
    };
  } catch (error) {
    await Promise.allSettled(written.map((key) => store.delete(key)));
    throw error;
  }
}
