/** Shared fixtures of the campaign command tests (imported by *.test.ts only). */
import { memberOf as memberOfTownship } from "@/tests/helpers/workflow";
import { count, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import type { Role } from "@/lib/auth/permissions";
import type { z } from "zod";

export const NOW = new Date("2026-11-29T10:00:00+08:00");

export function memberOf(handle: DbHandle, orgId: string, role: Role, notUnit?: string) {
  return memberOfTownship(handle.db, orgId, role, notUnit);
}

export function runner(handle: DbHandle) {
  return <S extends z.ZodType, T>(command: Command<S, T>, actor: Actor | null, input: unknown) =>
    executeAction(handle.db, actor, command.config, input, command.body);
}

/** One township's row counts in every table these commands write, to prove a refusal wrote nothing. */
export async function tableCounts(handle: DbHandle, orgId: string) {
  const tables = {
    campaigns: schema.campaigns,
    phases: schema.phases,
    activities: schema.activities,
    tasks: schema.tasks,
    taskFigures: schema.taskFigures,
    assignments: schema.assignments,
    assignmentEvents: schema.assignmentEvents,
    notifications: schema.notifications,
    auditEvents: schema.auditEvents,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await handle.db.select({ n: count() }).from(table).where(eq(table.orgId, orgId));
    out[name] = row?.n ?? 0;
  }
  return out;
}

export const auditOf = (handle: DbHandle, entityId: string) =>
  handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId));
