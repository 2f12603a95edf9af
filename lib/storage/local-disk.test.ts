import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newBlobKey } from "./blob-store";
import { LocalDiskBlobStore } from "./local-disk";

const root = mkdtempSync(path.join(tmpdir(), "duban-blobs-"));
const store = new LocalDiskBlobStore(root);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("local disk blob store", () => {
  it("stores, reads and deletes bytes under a server-generated key", async () => {
    const key = newBlobKey("6f1c2d1e-0000-4000-8000-000000000001", new Date("2026-03-05T00:00:00Z"));
    expect(key).toMatch(/^6f1c2d1e-0000-4000-8000-000000000001\/2026\/03\/[0-9a-f-]{36}$/);
    await store.put(key, Buffer.from("佐证"));
    expect((await store.get(key))?.toString()).toBe("佐证");
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
  });

  it("refuses keys that could leave the root", async () => {
    for (const key of ["../escape", "a/../../b", "/etc/passwd", "", "a//b", "a/./b", "a\\..\\b"]) {
      await expect(store.put(key, Buffer.from("x")), key).rejects.toThrow(/blob key/i);
    }
    expect(existsSync(path.join(root, "..", "escape"))).toBe(false);
  });
});
