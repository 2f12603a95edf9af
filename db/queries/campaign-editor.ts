import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { RecurrenceFreq } from "@/lib/campaign-series";
import { baseTitle } from "@/lib/campaign-series";
import { activities, assignments, campaigns, memberships, phases, taskFigures, tasks, units, users } from "../schema";
import type { QueryContext } from "./context";
import { assignmentScope, effectiveDeadline, statusCountColumns, taskOfAssignment, unitOfAssignment, type StatusCounts } from "./scope";

export interface TaskInstance {
  id: string;
  title: string;
  deadline: Date;
  periodStart: string | null;
  counts: StatusCounts;
}

/** A task as a person thinks of it: a one-off task, or a recurring series shown once with its dated instances. */
export interface TaskSeries {
  /** The series id, or the task id of a one-off task. */
  key: string;
  seriesId: string | null;
  recurrence: RecurrenceFreq | null;
  title: string;
  description: string | null;
  phaseId: string | null;
  applicableUnitKinds: (typeof tasks.$inferSelect)["applicableUnitKinds"];
  evidenceRequired: string[];
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  /** 签收时限 in hours; null: the township's default. */
  ackLimitHours: number | null;
  figures: { id: string; name: string; measureUnit: string; target: number | null; position: number }[];
  instances: TaskInstance[];
  counts: StatusCounts;
}

const zeroCounts = (): StatusCounts => ({ total: 0, pending: 0, submitted: 0, approved: 0, returned: 0, overdue: 0 });

function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  return {
    total: a.total + b.total,
    pending: a.pending + b.pending,
    submitted: a.submitted + b.submitted,
    approved: a.approved + b.approved,
    returned: a.returned + b.returned,
    overdue: a.overdue + b.overdue,
  };
}

/**
 * One campaign with everything its editing page shows: phases, activities
 * (with their grouping label, in order) and tasks grouped into series, each
 * with figures and assignments counted by status. Null when not the caller's.
 */
export async function getCampaignEditor(ctx: QueryContext, campaignId: string, now = new Date()) {
  if (!z.uuid().safeParse(campaignId).success) return null;
  const [campaign] = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)))
    .limit(1);
  if (!campaign) return null;
  const inCampaign = (t: typeof tasks | typeof phases | typeof activities) =>
    and(eq(t.orgId, ctx.orgId), eq(t.campaignId, campaignId));

  const [phaseRows, activityRows, taskRows, figureRows, countRows] = await Promise.all([
    ctx.db.select().from(phases).where(inCampaign(phases)).orderBy(asc(phases.position), asc(phases.startsOn)),
    ctx.db.select().from(activities).where(inCampaign(activities)).orderBy(asc(activities.position)),
    ctx.db
      .select({ task: tasks, ownerUnitName: units.name })
      .from(tasks)
      .leftJoin(units, and(eq(units.orgId, tasks.orgId), eq(units.id, tasks.ownerUnitId)))
      .where(inCampaign(tasks))
      .orderBy(asc(tasks.position), asc(tasks.periodStart), asc(tasks.deadline)),
    ctx.db
      .select({ figure: taskFigures })
      .from(taskFigures)
      .innerJoin(tasks, and(eq(tasks.orgId, taskFigures.orgId), eq(tasks.id, taskFigures.taskId)))
      .where(inCampaign(tasks))
      .orderBy(asc(taskFigures.position)),
    ctx.db
      .select({ taskId: assignments.taskId, ...statusCountColumns(now) })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId)))
      .groupBy(assignments.taskId),
  ]);

  const countsByTask = new Map(countRows.map(({ taskId, ...c }) => [taskId, c]));
  const figuresByTask = new Map<string, TaskSeries["figures"]>();
  for (const { figure } of figureRows) {
    const list = figuresByTask.get(figure.taskId) ?? [];
    list.push({ id: figure.id, name: figure.name, measureUnit: figure.measureUnit, target: figure.target === null ? null : Number(figure.target), position: figure.position });
    figuresByTask.set(figure.taskId, list);
  }

  const seriesByActivity = new Map<string, TaskSeries[]>();
  const seriesByKey = new Map<string, TaskSeries>();
  for (const { task, ownerUnitName } of taskRows) {
    const key = task.seriesId ?? task.id;
    const counts = countsByTask.get(task.id) ?? zeroCounts();
    const instance: TaskInstance = { id: task.id, title: task.title, deadline: task.deadline, periodStart: task.periodStart, counts };
    const existing = seriesByKey.get(key);
    if (existing) {
      existing.instances.push(instance);
      existing.counts = addCounts(existing.counts, counts);
      continue;
    }
    const series: TaskSeries = {
      key,
      seriesId: task.seriesId,
      recurrence: task.recurrence === "none" ? null : task.recurrence,
      title: task.seriesId ? baseTitle(task.title) : task.title,
      description: task.description,
      phaseId: task.phaseId,
      applicableUnitKinds: task.applicableUnitKinds,
      evidenceRequired: task.evidenceRequired,
      ownerUnitId: task.ownerUnitId,
      ownerUnitName,
      ackLimitHours: task.ackLimitHours,
      figures: figuresByTask.get(task.id) ?? [],
      instances: [instance],
      counts,
    };
    seriesByKey.set(key, series);
    const list = seriesByActivity.get(task.activityId) ?? [];
    list.push(series);
    seriesByActivity.set(task.activityId, list);
  }
  for (const series of seriesByKey.values()) series.instances.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());

  const activityList = activityRows.map((a) => ({ ...a, tasks: seriesByActivity.get(a.id) ?? [] }));
  const counts = [...seriesByKey.values()].reduce((sum, s) => addCounts(sum, s.counts), zeroCounts());
  return { campaign, phases: phaseRows, activities: activityList, counts };
}

export type CampaignEditor = NonNullable<Awaited<ReturnType<typeof getCampaignEditor>>>;
export type EditorActivity = CampaignEditor["activities"][number];

/** Every assignment of a campaign with its unit and effective deadline, by task, for the assign panels. */
export async function listCampaignAssignments(ctx: QueryContext, campaignId: string) {
  if (!z.uuid().safeParse(campaignId).success) return [];
  const rows = await ctx.db
    .select({
      id: assignments.id,
      taskId: assignments.taskId,
      unitId: assignments.unitId,
      unitName: units.name,
      unitKind: units.kind,
      status: assignments.status,
      deadlineOverride: assignments.deadline,
      deadline: effectiveDeadline,
      version: assignments.version,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId)))
    .orderBy(asc(units.kind), asc(units.code));
  return rows.map((row) => ({ ...row, deadline: new Date(row.deadline) }));
}

export type CampaignAssignment = Awaited<ReturnType<typeof listCampaignAssignments>>[number];

/** The township's units that can receive work (not archived), by kind and code, for pickers. */
export async function listActiveUnits(ctx: QueryContext) {
  return ctx.db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), isNull(units.archivedAt)))
    .orderBy(asc(units.kind), asc(units.code));
}

export type PickerUnit = Awaited<ReturnType<typeof listActiveUnits>>[number];

/** The township's active leaders and admins, by name: who may be an activity's 分管领导. */
export async function listSupervisorCandidates(ctx: QueryContext) {
  return ctx.db
    .select({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, ctx.orgId),
        eq(memberships.active, true),
        inArray(memberships.role, ["leader", "admin"]),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

export type SupervisorCandidate = Awaited<ReturnType<typeof listSupervisorCandidates>>[number];
