import { vi } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/action-core";

/**
 * The framework edges the security tests replace, and nothing else: who is
 * signed in (the persona under test), which database getDb() opens (the test
 * database, never a stand-in), Next's cache revalidation (a no-op outside a
 * request) and the request headers the public report reads (a fresh address
 * per call, so its per-address rate limit does not end the run).
 * Import this module first in a test file.
 */
export const edge: { actor: Actor | null; db: Db | null; address: number } = { actor: null, db: null, address: 0 };

vi.mock("@/lib/auth/session", () => ({
  getActor: async () => edge.actor,
  getMembership: async () => {
    throw new Error("pages are not under test here");
  },
  requireContext: async () => {
    throw new Error("pages are not under test here");
  },
}));

vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/db/client")>()),
  getDb: () => {
    if (!edge.db) throw new Error("edge.db is not set");
    return edge.db;
  },
}));

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-real-ip": `203.0.113.${++edge.address % 250}-${edge.address}` }),
}));
