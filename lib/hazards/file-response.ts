import "server-only";
import { createHash } from "node:crypto";
import type { QueryContext } from "@/db/queries/context";
import { getHazardFile } from "@/db/queries/hazard-files";
import { contentDisposition } from "@/lib/files/file-name";
import type { BlobStore } from "@/lib/storage/blob-store";

/** Shown by the browser in place of the file; safe to display as is. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "application/pdf"]);

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export const unauthenticatedFileResponse = () => plain(401, "请先登录");

/**
 * The download of one hazard or public-report file: 404 unless the caller may
 * see it, and a clear refusal (never a 500) when the stored bytes are gone or
 * no longer match the hash taken at upload.
 */
export async function hazardFileResponse(
  ctx: QueryContext,
  fileId: string,
  options: { store: BlobStore; download: boolean },
): Promise<Response> {
  const file = await getHazardFile(ctx, fileId);
  if (!file) return plain(404, "文件不存在，或您没有查看权限");
  const bytes = await options.store.get(file.storageKey);
  if (!bytes) {
    console.error(`[hazard-files] blob missing for file ${file.id} (${file.storageKey})`);
    return plain(410, "文件已丢失，请联系管理员");
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== file.sha256) {
    console.error(`[hazard-files] hash mismatch for file ${file.id}: stored ${file.sha256}, read ${sha256}`);
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
