import "server-only";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import type { ActionContext } from "@/lib/auth/action-core";
import { EVIDENCE_MIME_TYPES, MAX_FILE_BYTES } from "@/lib/files/sniff";
import { checkUploads, storeFiles, withoutEmptyUploads, type CheckedFile } from "@/lib/files/uploads";

export type { CheckedFile } from "@/lib/files/uploads";

export const MAX_HAZARD_FILE_BYTES = MAX_FILE_BYTES;
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
  withoutEmptyUploads,
  z.array(z.instanceof(File, { error: "请选择文件" })).max(MAX_HAZARD_FILES, `每次最多上传 ${MAX_HAZARD_FILES} 个文件`),
);

/** Reads and checks every file before anything is written: size, then the type sniffed from the bytes. */
export function checkHazardFiles(uploads: File[], kind: "photo" | "plan"): Promise<CheckedFile[]> {
  return checkUploads(uploads, {
    allowed: kind === "photo" ? PHOTO_TYPES : PLAN_TYPES,
    maxBytes: MAX_HAZARD_FILE_BYTES,
    wrongType: (name) =>
      kind === "photo" ? `“${name}”不是照片（支持 jpg、png、webp、heic）` : `“${name}”不是支持的整改方案格式（支持 pdf、docx、jpg、png）`,
  });
}

/** Stores a hazard's files in the command's transaction; call it last in a command body. */
export function storeHazardFiles(
  ctx: ActionContext,
  hazardId: string,
  purpose: HazardFilePurpose,
  checked: CheckedFile[],
): Promise<{ ids: string[]; audit: AuditEntry[] }> {
  return storeFiles(ctx.tx, ctx, { purpose, hazardId }, checked);
}
