import "server-only";
import { createHash } from "node:crypto";
import type { QueryContext } from "@/db/queries/context";
import { getEvidenceFile } from "@/db/queries/evidence";
import type { BlobStore } from "@/lib/storage/blob-store";
import { contentDisposition } from "./file-name";

/** Shown by the browser in place of the file; safe to display as is. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "application/pdf"]);

/** What a download needs of a files row, already looked up through the caller's scope. */
export interface StoredFileRow {
  id: string;
  storageKey: string;
  sha256: string;
  mimeType: string;
  originalName: string;
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export const unauthenticatedResponse = () => plain(401, "请先登录");
/** The same answer for a file that does not exist and one the caller may not see. */
export const fileNotFoundResponse = () => plain(404, "文件不存在，或您没有查看权限");

/**
 * The download of one stored file: 404 when the scoped lookup found nothing,
 * and a clear refusal (never a 500) when the stored bytes are gone or no
 * longer match the hash taken at upload.
 */
export async function storedFileResponse(
  file: StoredFileRow | null,
  options: { store: BlobStore; download: boolean },
): Promise<Response> {
  if (!file) return fileNotFoundResponse();
  const bytes = await options.store.get(file.storageKey);
  if (!bytes) {
    console.error(`[files] blob missing for file ${file.id} (${file.storageKey})`);
    return plain(410, "文件已丢失，请联系管理员");
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== file.sha256) {
    console.error(`[files] hash mismatch for file ${file.id}: stored ${file.sha256}, read ${sha256}`);
    return plain(409, "文件校验未通过（内容与上传时不一致），请联系管理员");
  }
  const inline = INLINE_TYPES.has(file.mimeType) && !options.download;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** One evidence file, if the caller may see its assignment. */
export async function evidenceResponse(
  ctx: QueryContext,
  fileId: string,
  options: { store: BlobStore; download: boolean },
): Promise<Response> {
  return storedFileResponse(await getEvidenceFile(ctx, fileId), options);
}
