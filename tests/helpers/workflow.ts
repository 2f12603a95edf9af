import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, memberships, taskFigures, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/action-core";
import type { Role } from "@/lib/auth/permissions";
import type { AssignmentStatus } from "@/lib/status";

/** An active member of the township with the role (a liaison: optionally not of `notUnit`). */
export async function memberOf(db: Db, orgId: string, role: Role, notUnit?: string | null) {
  const [m] = await db
    .select({ userId: memberships.userId, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, role),
        eq(users.active, true),
        notUnit ? ne(memberships.unitId, notUnit) : undefined,
      ),
    )
    .orderBy(memberships.unitId)
    .limit(1);
  if (!m) throw new Error(`no ${role}`);
  return { actor: { userId: m.userId, orgId } satisfies Actor, unitId: m.unitId };
}

/**
 * The liaison of the named unit (e.g. 石龙村). Seeded statuses are deterministic
 * per unit code and `now`, so tests that need several assignments of one status
 * pick their unit by name rather than by its random id.
 */
export async function liaisonOf(db: Db, orgId: string, unitName: string) {
  const [m] = await db
    .select({ userId: memberships.userId, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(units, and(eq(units.orgId, memberships.orgId), eq(units.id, memberships.unitId)))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "liaison"), eq(units.name, unitName)))
    .limit(1);
  if (!m) throw new Error(`no liaison of ${unitName}`);
  return { actor: { userId: m.userId, orgId } satisfies Actor, unitId: m.unitId };
}

/** An assignment of the unit in the given status, with or without task figures; `skip` passes over earlier matches. */
export async function assignmentOf(
  db: Db,
  unitId: string,
  status: AssignmentStatus,
  options: { withFigures?: boolean; skip?: number } = {},
) {
  const hasFigures = sql`exists (select 1 from ${taskFigures} where ${taskFigures.orgId} = ${assignments.orgId} and ${taskFigures.taskId} = ${assignments.taskId})`;
  const [a] = await db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.unitId, unitId),
        eq(assignments.status, status),
        options.withFigures === undefined ? undefined : options.withFigures ? hasFigures : sql`not ${hasFigures}`,
      ),
    )
    .orderBy(asc(assignments.id))
    .offset(options.skip ?? 0)
    .limit(1);
  if (!a) throw new Error(`seed has no ${status} assignment for the unit`);
  return a;
}

/** A fresh upload folder for one test file; returns it and a count of the blobs under it. */
export function tempUploadDir(label: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `duban-${label}-`));
  process.env.UPLOAD_DIR = dir;
  const blobCount = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return { dir, blobCount };
}
