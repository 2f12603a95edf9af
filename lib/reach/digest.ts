import "server-only";
import { and, count, countDistinct, eq, gte, inArray, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ackLateCondition, campaignOfTask, overdueCondition, taskOfAssignment, unitOfAssignment } from "@/db/queries/scope";
import { assignments, campaigns, hazards, memberships, tasks, units, users } from "@/db/schema";
import { claimDispatches, sendMessage } from "./outbox";
import { beijingDayNumber, beijingHour, type ReachSchedule } from "./rules";
import { listedUnits } from "./tell-units";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DigestFigures {
  overdueUnits: string[];
  unsignedUnits: string[];
  reviewQueue: number;
  newMajorHazards: number;
}

/** The figures a leader's morning digest reports for one township, across its active campaigns. */
export async function digestFigures(tx: Tx, orgId: string, schedule: ReachSchedule, now: Date): Promise<DigestFigures> {
  const active = and(eq(assignments.orgId, orgId), eq(campaigns.status, "active"), isNull(units.archivedAt));
  const unitNames = (where: ReturnType<typeof and>) =>
    tx
      .selectDistinct({ name: units.name, code: units.code })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .innerJoin(campaigns, campaignOfTask)
      .innerJoin(units, unitOfAssignment)
      .where(and(active, where))
      .orderBy(units.code)
      .then((rows) => rows.map((r) => r.name));
  const overdueUnits = await unitNames(overdueCondition(now));
  const unsignedUnits = await unitNames(ackLateCondition(schedule.ackLimitHours, now));
  const [queue] = await tx
    .select({ n: count() })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(and(active, eq(assignments.status, "submitted")));
  const [major] = await tx
    .select({ n: countDistinct(hazards.id) })
    .from(hazards)
    .where(
      and(
        eq(hazards.orgId, orgId),
        eq(hazards.level, "major"),
        ne(hazards.status, "verified"),
        gte(hazards.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    );
  return { overdueUnits, unsignedUnits, reviewQueue: queue?.n ?? 0, newMajorHazards: major?.n ?? 0 };
}

export function digestBody(f: DigestFigures): string {
  const lines = [
    f.overdueUnits.length > 0 ? `逾期单位 ${f.overdueUnits.length} 个：${listedUnits(f.overdueUnits, 6)}` : "逾期单位：无",
    f.unsignedUnits.length > 0 ? `超时未签收单位 ${f.unsignedUnits.length} 个：${listedUnits(f.unsignedUnits, 6)}` : "超时未签收单位：无",
    `待审核 ${f.reviewQueue} 项`,
    `近 24 小时新增重大隐患 ${f.newMajorHazards} 条`,
  ];
  return lines.join("\n");
}

/** The Beijing date (YYYY-MM-DD) of `now`. */
function today(now: Date): string {
  return new Date(beijingDayNumber(now) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The leaders' daily digest, once per township and day, from the set hour on
 * (a worker that was down at that hour sends it when it is back, the same day).
 * `recordOnly` marks it sent without telling anyone (the demo seed).
 */
export async function sendDigestIfDue(tx: Tx, orgId: string, schedule: ReachSchedule, now: Date, recordOnly = false): Promise<boolean> {
  if (beijingHour(now) < schedule.digestHour) return false;
  const day = today(now);
  const [claimed] = await claimDispatches(tx, orgId, [{ key: `digest:${day}`, kind: "digest" }]);
  if (!claimed || recordOnly) return false;
  const leaders = await tx
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.orgId, orgId), inArray(memberships.role, ["leader", "admin"]), eq(memberships.active, true), eq(users.active, true)),
    );
  const figures = await digestFigures(tx, orgId, schedule, now);
  await sendMessage(
    tx,
    orgId,
    `digest:${day}`,
    { kind: "digest", title: `督办日报（${day}）`, body: digestBody(figures), link: "/dashboard", userIds: leaders.map((l) => l.id), robots: "leaders" },
    schedule,
    now,
  );
  return true;
}
