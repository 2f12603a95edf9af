import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import {
  activities,
  assignments,
  auditEvents,
  campaigns,
  files,
  memberships,
  phases,
  submissions,
  taskFigures,
  tasks,
} from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { auditExportIds, auditExportRows } from "./export-audit";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgId: string;
let campaignId: string;
let otherCampaignId: string;
let ctx: QueryContext;
/** The audit rows this file wrote: naming the campaign's entities, and another campaign's. */
const mine: { id: string; createdAt: Date; entityType: string }[] = [];
const others: string[] = [];

/** One entity id of each kind an audit row can name that the campaign has. */
async function entitiesOf(campaign: string): Promise<[string, string][]> {
  const first = async (table: PgTable, where: SQL) => {
    const [row] = await handle.db.select({ id: (table as unknown as { id: typeof tasks.id }).id }).from(table).where(where).limit(1);
    return row?.id;
  };
  const inCampaign = and(eq(tasks.orgId, orgId), eq(tasks.campaignId, campaign))!;
  const [submission] = await handle.db
    .select({ id: submissions.id, fileId: files.id })
    .from(submissions)
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .leftJoin(files, and(eq(files.orgId, submissions.orgId), eq(files.submissionId, submissions.id)))
    .where(inCampaign)
    .orderBy(sql`${files.id} is null`)
    .limit(1);
  const [figure] = await handle.db
    .select({ id: taskFigures.id })
    .from(taskFigures)
    .innerJoin(tasks, and(eq(tasks.orgId, taskFigures.orgId), eq(tasks.id, taskFigures.taskId)))
    .where(inCampaign)
    .limit(1);
  const [assignment] = await handle.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(inCampaign)
    .limit(1);
  const found: [string, string | null | undefined][] = [
    ["campaign", campaign],
    ["activity", await first(activities, and(eq(activities.orgId, orgId), eq(activities.campaignId, campaign))!)],
    ["phase", await first(phases, and(eq(phases.orgId, orgId), eq(phases.campaignId, campaign))!)],
    ["task", await first(tasks, inCampaign)],
    ["task_figure", figure?.id],
    ["assignment", assignment?.id],
    ["submission", submission?.id],
    ["file", submission?.fileId],
  ];
  return found.filter((e): e is [string, string] => Boolean(e[1]));
}

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("auditx") })).orgId;
  const list = await handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgId));
  const [submitted] = await handle.db
    .select({ id: submissions.id, campaignId: tasks.campaignId })
    .from(submissions)
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(eq(submissions.orgId, orgId))
    .limit(1);
  campaignId = submitted!.campaignId;
  // The demo township's submissions carry no files: give one an evidence file's row.
  await handle.db.insert(files).values({
    orgId,
    purpose: "evidence",
    submissionId: submitted!.id,
    storageKey: `test/${crypto.randomUUID()}`,
    originalName: "photo.jpg",
    mimeType: "image/jpeg",
    sizeBytes: 1,
    sha256: "0".repeat(64),
  });
  otherCampaignId = list.find((c) => c.id !== campaignId)!.id;
  const [leader] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "leader")))
    .limit(1);
  ctx = contextFor(handle.db, (await loadMembership(handle.db, leader!.userId, orgId))!);

  // Interleaved in time, some sharing a timestamp, so paging must break ties by id.
  const base = NOW.getTime() + 60_000;
  const write = async (entityType: string, entityId: string | null, at: number, extra: { after?: unknown } = {}) => {
    const [row] = await handle.db
      .insert(auditEvents)
      .values({ orgId, action: "test.touch", entityType, entityId, createdAt: new Date(at), ...extra })
      .returning({ id: auditEvents.id, createdAt: auditEvents.createdAt, entityType: auditEvents.entityType });
    return row!;
  };
  const own = await entitiesOf(campaignId);
  const foreign = await entitiesOf(otherCampaignId);
  for (const [i, [type, id]] of own.entries()) mine.push(await write(type, id, base + Math.floor(i / 2) * 1000));
  for (const [i, [type, id]] of foreign.entries()) others.push((await write(type, id, base + i * 1000 + 500)).id);
  // A deleted entity is found by the campaign id its row carried.
  mine.push(await write("task", crypto.randomUUID(), base + 100_000, { after: { campaignId } }));
  others.push((await write("task", crypto.randomUUID(), base + 100_000, { after: { campaignId: otherCampaignId } })).id);
});

afterAll(async () => {
  await handle?.close();
});

/** Every row, fetched `limit` ids at a time as the sheet does. */
async function allPages(limit: number) {
  const ids = await auditExportIds(ctx, campaignId);
  const out: Awaited<ReturnType<typeof auditExportRows>> = [];
  for (let i = 0; i < ids.length; i += limit) out.push(...(await auditExportRows(ctx, ids.slice(i, i + limit))));
  return out;
}

describe("the 操作日志 export rows", () => {
  it("hold every row naming one of the campaign's entities (each kind) and none of another campaign's", async () => {
    const ids = new Set((await allPages(1000)).map((r) => r.id));
    const kinds = ["campaign", "activity", "task", "task_figure", "assignment", "submission", "file"];
    expect([...new Set(mine.map((r) => r.entityType))]).toEqual(expect.arrayContaining(kinds));
    expect(others.length).toBeGreaterThanOrEqual(3);
    for (const row of mine) expect(ids.has(row.id)).toBe(true);
    for (const id of others) expect(ids.has(id)).toBe(false);
  });

  it("come in time order, ties by id, and pages of two give the same rows as one page", async () => {
    const whole = await allPages(1000);
    const paged = await allPages(2);
    expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    const keys = whole.map((r) => [r.createdAt.getTime(), r.id] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it("give a liaison nothing", async () => {
    const [liaison] = await handle.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "liaison"), ne(memberships.userId, ctx.userId)))
      .limit(1);
    const liaisonCtx = contextFor(handle.db, (await loadMembership(handle.db, liaison!.userId, orgId))!);
    expect(await auditExportIds(liaisonCtx, campaignId)).toEqual([]);
    expect(await auditExportRows(liaisonCtx, mine.map((r) => r.id))).toEqual([]);
  });
});
