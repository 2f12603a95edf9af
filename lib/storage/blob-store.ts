import "server-only";
import { randomUUID } from "node:crypto";
import { LocalDiskBlobStore } from "./local-disk";

/**
 * Where uploaded bytes live. The database holds the metadata (files table);
 * a store only maps a server-generated key to bytes, so an S3-compatible
 * store can replace the local disk without touching the commands.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes under `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * A fresh key `<orgId>/<yyyy>/<mm>/<uuid>`: never derived from the client's
 * file name, so names cannot collide, traverse or leak into paths.
 */
export function newBlobKey(orgId: string, now: Date): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${orgId}/${year}/${month}/${randomUUID()}`;
}

const globalForStore = globalThis as unknown as { dubanBlobStore?: { root: string; store: BlobStore } };

/**
 * The process-wide store: local disk under UPLOAD_DIR (default .data/uploads).
 * Remade when UPLOAD_DIR changes, so each test file can point it at its own folder.
 */
export function getBlobStore(): BlobStore {
  const root = process.env.UPLOAD_DIR || ".data/uploads";
  if (globalForStore.dubanBlobStore?.root !== root) {
    globalForStore.dubanBlobStore = { root, store: new LocalDiskBlobStore(root) };
  }
  return globalForStore.dubanBlobStore.store;
}
