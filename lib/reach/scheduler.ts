import "server-only";
import { eq } from "drizzle-orm";
import type { AuditEntry } from "@/db/audit";
import { writeAudit } from "@/db/audit";
import type { Db, Tx } from "@/db/client";
import { organizations } from "@/db/schema";
import { groupOf, robotSummary, unitMessage, type MessageGroup } from "./compose";
import { sendDigestIfDue } from "./digest";
import { claimDispatches, messageKey } from "./outbox";
import { loadOpenWork, planWork, topLevel, withoutDispatched, type PlannedItem } from "./plan";
import { loadSchedule } from "./settings";
import { tellUnits } from "./tell-units";

export interface TickResult {
  townships: number;
  dispatched: number;
  deliveries: number;
  digests: number;
}

/** Who above the liaisons an overdue group reaches: the activity's 分管领导 when the items share one. */
function activitySupervisor(items: PlannedItem[]): string | null {
  const ids = new Set(items.map((i) => i.work.activitySupervisorId));
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** The audit rows of a tick: each escalation reached (its top level only) and each automatic 签收 chase. */
function auditOf(items: PlannedItem[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const byAssignment = new Map<string, PlannedItem[]>();
  for (const i of items) byAssignment.set(i.assignmentId!, [...(byAssignment.get(i.assignmentId!) ?? []), i]);
  for (const [assignmentId, own] of byAssignment) {
    const level = topLevel(own);
    if (level) entries.push({ action: "reach.escalate", entityType: "assignment", entityId: assignmentId, after: { level } });
    if (own.some((i) => i.kind === "ack_chase")) {
      entries.push({ action: "reach.ack_chase", entityType: "assignment", entityId: assignmentId, after: { automatic: true } });
    }
  }
  return entries;
}

/** Tells each unit of one group once (by its level, those above too), then the group's robots once. */
async function tellGroup(tx: Tx, orgId: string, group: MessageGroup, items: PlannedItem[], now: Date) {
  const byUnit = new Map<string, PlannedItem[]>();
  for (const i of items) byUnit.set(i.work.unitId, [...(byUnit.get(i.work.unitId) ?? []), i]);
  const notices = [...byUnit].map(([unitId, own]) => {
    const level = group === "overdue" ? topLevel(own) : null;
    return {
      unitId,
      key: messageKey(own),
      ...unitMessage(group, own),
      level,
      activitySupervisorId: level === "red" ? activitySupervisor(own) : null,
    };
  });
  const outcome = await tellUnits(
    tx,
    orgId,
    notices,
    { key: messageKey(items, ":robots"), link: "/tasks", ...robotSummary(group, (unitId) => byUnit.get(unitId) ?? []) },
    now,
  );
  return outcome.deliveries;
}

/**
 * One township's tick: what its schedule owes at `now` and was not told
 * before, claimed and told in one transaction (so a second worker racing it
 * claims nothing). `recordOnly` claims without telling: the demo seed marks
 * its past as already told.
 */
export async function runTownship(db: Db, orgId: string, now: Date, recordOnly = false): Promise<Omit<TickResult, "townships">> {
  const schedule = await loadSchedule(db, orgId);
  const result = { dispatched: 0, deliveries: 0, digests: 0 };
  if (!schedule.enabled) return result;
  const planned = await withoutDispatched(db, orgId, planWork(await loadOpenWork(db, orgId, schedule, now), schedule, now));
  await db.transaction(async (tx) => {
    const claimed = new Set((await claimDispatches(tx, orgId, planned)).map((i) => i.key));
    const fresh = planned.filter((i) => claimed.has(i.key));
    result.dispatched = fresh.length;
    if (await sendDigestIfDue(tx, orgId, schedule, now, recordOnly)) result.digests = 1;
    if (recordOnly || fresh.length === 0) return;
    const groups = new Map<MessageGroup, PlannedItem[]>();
    for (const i of fresh) groups.set(groupOf(i), [...(groups.get(groupOf(i)) ?? []), i]);
    for (const [group, items] of groups) result.deliveries += await tellGroup(tx, orgId, group, items, now);
    await writeAudit(tx, { orgId, userId: null }, auditOf(fresh));
  });
  return result;
}

/** Every township's tick, one after another (each in its own transaction). */
export async function runSchedule(db: Db, now: Date, options: { recordOnly?: boolean; orgIds?: string[] } = {}): Promise<TickResult> {
  const orgIds =
    options.orgIds ??
    (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, "township"))).map((o) => o.id);
  const total: TickResult = { townships: orgIds.length, dispatched: 0, deliveries: 0, digests: 0 };
  for (const orgId of orgIds) {
    const r = await runTownship(db, orgId, now, options.recordOnly);
    total.dispatched += r.dispatched;
    total.deliveries += r.deliveries;
    total.digests += r.digests;
  }
  return total;
}
