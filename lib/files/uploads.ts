import "server-only";
import { createHash } from "node:crypto";
import type { AuditEntry } from "@/db/audit";
import type { Tx } from "@/db/client";
import { files } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-core";
import { getBlobStore, newBlobKey, type BlobStore } from "@/lib/storage/blob-store";
import { sanitizeFileName } from "./file-name";
import { MAX_FILE_BYTES, sniffMimeType } from "./sniff";

/** An upload read into memory: its cleaned name, bytes, the type sniffed from the bytes and its SHA-256. */
export interface CheckedFile {
  name: string;
  bytes: Buffer;
  mimeType: string;
  sha256: string;
}

/** An empty file input sends one nameless, empty File, which is not an upload. */
export function withoutEmptyUploads(value: unknown): unknown[] {
  const listed = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return listed.filter((f) => !(f instanceof File && f.size === 0 && f.name === ""));
}

/** Reads one upload; `mimeType` is null when the bytes are of no type we accept. */
export async function readUpload(file: File): Promise<Omit<CheckedFile, "mimeType"> & { mimeType: string | null }> {
  const bytes = Buffer.from(await file.arrayBuffer());
  return {
    name: sanitizeFileName(file.name),
    bytes,
    mimeType: bytes.length === 0 ? null : sniffMimeType(bytes),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * Reads and checks every file before anything is written: size, emptiness,
 * then the type sniffed from the bytes (never the name or the browser's word).
 */
export async function checkUploads(
  uploads: File[],
  options: { allowed?: ReadonlySet<string>; maxBytes?: number; wrongType: (name: string) => string },
): Promise<CheckedFile[]> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const checked: CheckedFile[] = [];
  for (const upload of uploads) {
    const name = sanitizeFileName(upload.name);
    if (upload.size > maxBytes) {
      throw new ActionError("invalid", `“${name}”超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传`);
    }
    const file = await readUpload(upload);
    if (file.bytes.length === 0) throw new ActionError("invalid", `“${name}”是空文件`);
    if (!file.mimeType || (options.allowed && !options.allowed.has(file.mimeType))) {
      throw new ActionError("invalid", options.wrongType(name));
    }
    checked.push({ ...file, mimeType: file.mimeType });
  }
  return checked;
}

type FileRow = typeof files.$inferInsert;
export type FileLink = Pick<FileRow, "purpose" | "submissionId" | "hazardId" | "publicReportId">;

/**
 * Stores the bytes, then the file rows pointing at them, in the caller's
 * transaction; returns the new ids and one audit entry per file. Blobs written
 * before a failure are removed (best effort: a commit that fails after the
 * body returns can leave unreferenced blobs, harmless since nothing points at them).
 */
export async function storeFiles(
  tx: Tx,
  owner: { orgId: string; userId: string | null },
  link: FileLink,
  checked: CheckedFile[],
  options: { now?: Date; store?: BlobStore } = {},
): Promise<{ ids: string[]; audit: AuditEntry[] }> {
  if (checked.length === 0) return { ids: [], audit: [] };
  const now = options.now ?? new Date();
  const store = options.store ?? getBlobStore();
  const written: string[] = [];
  try {
    const rows: FileRow[] = [];
    for (const file of checked) {
      const storageKey = newBlobKey(owner.orgId, now);
      await store.put(storageKey, file.bytes);
      written.push(storageKey);
      rows.push({
        orgId: owner.orgId,
        ...link,
        storageKey,
        originalName: file.name,
        mimeType: file.mimeType,
        sizeBytes: file.bytes.length,
        sha256: file.sha256,
        uploadedBy: owner.userId,
        uploadedAt: now,
      });
    }
    const stored = await tx
      .insert(files)
      .values(rows)
      .returning({ id: files.id, originalName: files.originalName, sha256: files.sha256 });
    return {
      ids: stored.map((f) => f.id),
      audit: stored.map((f) => ({
        action: "file.upload",
        entityType: "file",
        entityId: f.id,
        after: { ...link, originalName: f.originalName, sha256: f.sha256 },
      })),
    };
  } catch (error) {
    await Promise.allSettled(written.map((key) => store.delete(key)));
    throw error;
  }
}
