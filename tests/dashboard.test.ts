import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { activityFigures, activityHazards } from "@/db/queries/completion";
import { approvalsPerDay } from "@/db/queries/completion-trend";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { overdueAssignments, unitProgress } from "@/db/queries/dashboard";
import { complianceMatrix } from "@/db/queries/matrix";
import { unitRanking } from "@/db/queries/ranking";
import {
  activities,
  assignmentEvents,
  assignments,
  campaigns,
  hazards,
  memberships,
  submissionFigureValues,
  submissions,
  taskFigures,
  tasks,
  units,
} from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { shanghaiDay } from "@/lib/campaign-series";
import { sumCounts } from "@/lib/compliance";
import { completionSeries } from "@/lib/completion-trend";
import { rankingScore } from "@/lib/ranking";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";

/**
 * Every figure the dashboard shows, recomputed here from the seeded rows with
 * plain selects and array filters, and compared. Mid-campaign clock, so the
 * safety month has approved, submitted, returned, pending and overdue work.
 */
const NOW = new Date("2026-06-18T10:00:00+08:00");
let handle: DbHandle;
let ctx: QueryContext;
let orgId: string;
let campaignId: string;

type Row = { id: string; unitId: string; kind: string; activityId: string; phaseId: string | null; status: string; deadline: Date; submittedAt: Date | null };
let rows: Row[];

const isOverdue = (r: Row) => (r.status === "pending" || r.status === "returned") && r.deadline < NOW;

function countsOf(list: Row[]) {
  const by = (s: string) => list.filter((r) => r.status === s).length;
  return {
    total: list.length,
    pending: by("pending"),
    submitted: by("submitted"),
    approved: by("approved"),
    returned: by("returned"),
    overdue: list.filter(isOverdue).length,
  };
}

async function assignmentRows(campaign: string): Promise<Row[]> {
  const list = await handle.db
    .select({
      id: assignments.id,
      unitId: assignments.unitId,
      kind: units.kind,
      activityId: tasks.activityId,
      phaseId: tasks.phaseId,
      status: assignments.status,
      override: assignments.deadline,
      taskDeadline: tasks.deadline,
      submittedAt: assignments.submittedAt,
    })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .innerJoin(units, and(eq(units.orgId, assignments.orgId), eq(units.id, assignments.unitId)))
    .where(and(eq(assignments.orgId, orgId), eq(tasks.campaignId, campaign)));
  return list.map(({ override, taskDeadline, ...r }) => ({ ...r, deadline: override ?? taskDeadline }));
}

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("dash") })).orgId;
  await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("other") });
  const [leader] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "leader")));
  ctx = contextFor(handle.db, (await loadMembership(handle.db, leader!.userId, orgId))!);
  const [campaign] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), eq(campaigns.templateKey, "safety-month-2020")));
  campaignId = campaign!.id;
  rows = await assignmentRows(campaignId);
});

afterAll(async () => {
  await handle?.close();
});

describe("headline figures and the matrix", () => {
  it("the matrix cells sum to the campaign's counts, which match the rows", async () => {
    const matrix = await complianceMatrix(ctx, campaignId, NOW);
    const expected = countsOf(rows);
    expect(sumCounts(matrix.cells)).toEqual(expected);
    // A realistic spread: every figure is present, so the equality above means something.
    for (const value of Object.values(expected)) expect(value).toBeGreaterThan(0);
  });

  it("each unit's row and each activity's column total match", async () => {
    const matrix = await complianceMatrix(ctx, campaignId, NOW);
    for (const unit of matrix.units) {
      const cells = matrix.cells.filter((c) => c.unitId === unit.id);
      expect(sumCounts(cells), unit.name).toEqual(countsOf(rows.filter((r) => r.unitId === unit.id)));
    }
    for (const activity of matrix.activities) {
      const cells = matrix.cells.filter((c) => c.activityId === activity.id);
      expect(sumCounts(cells), activity.title).toEqual(countsOf(rows.filter((r) => r.activityId === activity.id)));
    }
    expect(matrix.activities.map((a) => a.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("the unit-kind filter applies to the matrix, unit progress and overdue list alike", async () => {
    const filters = { unitKinds: ["enterprise" as const, "school" as const] };
    const kept = rows.filter((r) => r.kind === "enterprise" || r.kind === "school");
    const matrix = await complianceMatrix(ctx, campaignId, NOW, filters);
    expect(sumCounts(matrix.cells)).toEqual(countsOf(kept));
    expect(new Set(matrix.units.map((u) => u.kind))).toEqual(new Set(["enterprise", "school"]));
    const progress = await unitProgress(ctx, campaignId, NOW, filters);
    expect(progress.reduce((n, p) => n + p.total, 0)).toBe(kept.length);
    const overdue = await overdueAssignments(ctx, campaignId, NOW, 10_000, filters);
    expect(overdue.map((o) => o.id).sort()).toEqual(kept.filter(isOverdue).map((r) => r.id).sort());
  });

  it("the phase filter keeps the phase's tasks only", async () => {
    const [threeYear] = await handle.db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, orgId), eq(campaigns.templateKey, "three-year-action-2020")));
    const all = await assignmentRows(threeYear!.id);
    const phaseId = all.find((r) => r.phaseId)!.phaseId!;
    const matrix = await complianceMatrix(ctx, threeYear!.id, NOW, { phaseId });
    expect(sumCounts(matrix.cells)).toEqual(countsOf(all.filter((r) => r.phaseId === phaseId)));
  });
});

describe("the 考核 ranking", () => {
  it("counts on-time and late approvals, returns and overdue per unit, and scores them by the shown formula", async () => {
    // The demo's approvals were all submitted in time: make one late, as a unit that missed its deadline would be.
    const approvedOne = rows.find((r) => r.status === "approved")!;
    const late = new Date(approvedOne.deadline.getTime() + 86_400_000);
    await handle.db.update(assignments).set({ submittedAt: late }).where(eq(assignments.id, approvedOne.id));
    rows = await assignmentRows(campaignId);
    const events = await handle.db
      .select({ assignmentId: assignmentEvents.assignmentId, toStatus: assignmentEvents.toStatus })
      .from(assignmentEvents)
      .where(eq(assignmentEvents.orgId, orgId));
    const ranking = await unitRanking(ctx, campaignId, NOW);
    expect(ranking.length).toBe(new Set(rows.map((r) => r.unitId)).size);
    let lateSeen = 0;
    for (const unit of ranking) {
      const mine = rows.filter((r) => r.unitId === unit.unitId);
      const ids = new Set(mine.map((r) => r.id));
      const approved = mine.filter((r) => r.status === "approved");
      const expected = {
        total: mine.length,
        due: mine.filter((r) => r.deadline < NOW || r.status === "approved").length,
        onTime: approved.filter((r) => r.submittedAt! <= r.deadline).length,
        late: approved.filter((r) => r.submittedAt! > r.deadline).length,
        returns: events.filter((e) => e.toStatus === "returned" && ids.has(e.assignmentId)).length,
        overdue: mine.filter(isOverdue).length,
      };
      lateSeen += expected.late;
      expect(unit, unit.unitName).toMatchObject(expected);
      const score = (100 * (expected.onTime + 0.6 * expected.late)) / expected.due - 2 * expected.returns - 5 * expected.overdue;
      expect(unit.score).toBeCloseTo(Math.max(0, Math.round(score * 10) / 10), 5);
    }
    expect(lateSeen).toBeGreaterThan(0);
    const scores = ranking.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("scores: nothing due is unranked, a clean record is 100, penalties never go below 0", () => {
    expect(rankingScore({ due: 0, onTime: 0, late: 0, returns: 0, overdue: 0 })).toBeNull();
    expect(rankingScore({ due: 4, onTime: 4, late: 0, returns: 0, overdue: 0 })).toBe(100);
    expect(rankingScore({ due: 5, onTime: 2, late: 2, returns: 1, overdue: 1 })).toBe(57);
    expect(rankingScore({ due: 2, onTime: 0, late: 0, returns: 3, overdue: 2 })).toBe(0);
  });
});

describe("completion views", () => {
  it("sums the figures of approved submissions per figure, against the tasks' targets", async () => {
    const ids = (await handle.db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.orgId, orgId), eq(activities.campaignId, campaignId)))
      .orderBy(asc(activities.position))).map((a) => a.id);
    const byActivity = await activityFigures(ctx, campaignId, ids);
    const values = await handle.db
      .select({ activityId: tasks.activityId, value: submissionFigureValues.value, target: taskFigures.target })
      .from(submissionFigureValues)
      .innerJoin(submissions, and(eq(submissions.orgId, submissionFigureValues.orgId), eq(submissions.id, submissionFigureValues.submissionId)))
      .innerJoin(taskFigures, and(eq(taskFigures.orgId, submissionFigureValues.orgId), eq(taskFigures.id, submissionFigureValues.figureId)))
      .innerJoin(tasks, and(eq(tasks.orgId, taskFigures.orgId), eq(tasks.id, taskFigures.taskId)))
      .where(and(eq(submissionFigureValues.orgId, orgId), eq(submissions.decision, "approved"), eq(tasks.campaignId, campaignId)));
    const targets = await handle.db
      .select({ activityId: tasks.activityId, target: taskFigures.target })
      .from(taskFigures)
      .innerJoin(tasks, and(eq(tasks.orgId, taskFigures.orgId), eq(tasks.id, taskFigures.taskId)))
      .where(and(eq(taskFigures.orgId, orgId), eq(tasks.campaignId, campaignId)));
    let reportedSeen = 0;
    for (const id of ids) {
      const figures = byActivity.get(id) ?? [];
      const reported = values.filter((v) => v.activityId === id).reduce((n, v) => n + Number(v.value), 0);
      const target = targets.filter((t) => t.activityId === id).reduce((n, t) => n + Number(t.target ?? 0), 0);
      expect(figures.reduce((n, f) => n + f.reported, 0)).toBeCloseTo(reported, 2);
      expect(figures.reduce((n, f) => n + (f.target ?? 0), 0)).toBeCloseTo(target, 2);
      reportedSeen += reported;
    }
    expect(reportedSeen).toBeGreaterThan(0);
    // 五进 (the seventh activity) lists its targets by name: enterprises, villages, communities, schools, families …
    expect((byActivity.get(ids[6]!) ?? []).map((f) => f.name)).toEqual(
      expect.arrayContaining(["培训员工", "受教育人次", "参加演练", "受教育师生", "入户数"]),
    );
  });

  it("counts the hazards each unit's investigation found, by level", async () => {
    const [investigation] = await handle.db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.orgId, orgId), eq(activities.campaignId, campaignId), eq(activities.position, 1)));
    // One major hazard found by an enterprise's self-inspection, beside whatever the seed linked.
    const inspection = rows.find((r) => r.activityId === investigation!.id && r.kind === "enterprise")!;
    await handle.db.insert(hazards).values({
      orgId,
      number: "TEST-0001",
      title: "油罐区静电接地失效",
      description: "自查发现",
      unitId: inspection.unitId,
      location: "罐区",
      level: "major",
      source: "investigation_task",
      foundOn: "2026-06-15",
      assignmentId: inspection.id,
    });
    const found = await activityHazards(ctx, campaignId, [investigation!.id]);
    expect(found.find((f) => f.unitId === inspection.unitId)?.major).toBe(1);
    const expected = new Map<string, number>();
    const hazardRows = await handle.db.query.hazards.findMany({ where: (h, { eq: is }) => is(h.orgId, orgId) });
    const investigationIds = new Set(rows.filter((r) => r.activityId === investigation!.id).map((r) => r.id));
    for (const h of hazardRows) {
      if (h.assignmentId && investigationIds.has(h.assignmentId)) expected.set(h.unitId, (expected.get(h.unitId) ?? 0) + 1);
    }
    expect(new Map(found.map((f) => [f.unitId, f.general + f.major]))).toEqual(expected);
  });
});

describe("completion over time", () => {
  it("counts first approvals per Beijing day, and the series climbs to today's approved share", async () => {
    const events = await handle.db
      .select({ assignmentId: assignmentEvents.assignmentId, at: assignmentEvents.createdAt })
      .from(assignmentEvents)
      .where(and(eq(assignmentEvents.orgId, orgId), eq(assignmentEvents.toStatus, "approved")))
      .orderBy(asc(assignmentEvents.createdAt));
    const ids = new Set(rows.map((r) => r.id));
    const first = new Map<string, Date>();
    for (const e of events) if (ids.has(e.assignmentId) && !first.has(e.assignmentId)) first.set(e.assignmentId, e.at);
    const expected = new Map<string, number>();
    for (const at of first.values()) expected.set(shanghaiDay(at), (expected.get(shanghaiDay(at)) ?? 0) + 1);

    const perDay = await approvalsPerDay(ctx, campaignId);
    expect(new Map(perDay.map((p) => [p.day, p.approved]))).toEqual(expected);

    const series = completionSeries(perDay, rows.length, { startsOn: "2026-06-01", endsOn: "2026-06-30", today: "2026-06-18" });
    expect(series[0]!.day).toBe("2026-06-01");
    expect(series.at(-1)!.day).toBe("2026-06-18");
    expect(series.at(-1)!.approved).toBe(rows.filter((r) => r.status === "approved").length);
    expect(series.every((p, i) => i === 0 || p.approved >= series[i - 1]!.approved)).toBe(true);
  });
});
