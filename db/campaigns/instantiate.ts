/**
 * Inserts a CampaignTemplate into one township: campaign, phases, activities,
 * tasks (a recurring task becomes one row per period sharing a seriesId),
 * task figures and, unless asked not to, the assignments to units. Used by
 * the seed and by "create from template" / "clone to a new year".
 */
import "server-only";
import type { Tx } from "../client";
import { activities, assignmentEvents, assignments, campaigns, phases, taskFigures, tasks } from "../schema";
import { campaignTemplateSchema, type CampaignTemplate, type TemplateTask, type UnitKind } from "../../lib/campaign-template";
import { expandRecurrence } from "../../lib/template-dates";
import { endOfDayShanghai, insertChunked } from "../seed/util";

export interface UnitRef {
  id: string;
  kind: UnitKind;
  code: string;
  /** The demo seed's township-independent code (e.g. XMS-D02), so seeded data is the same for every test township. */
  templateCode?: string;
}

export interface InsertCampaignOptions {
  orgId: string;
  template: CampaignTemplate;
  /** Units by code. A unit may be listed under several codes (aliases); it is assigned once. */
  unitsByCode: ReadonlyMap<string, UnitRef>;
  status: "draft" | "active" | "closed";
  createdBy?: string | null;
  /** When the campaign was issued: campaign, task and assignment createdAt (default: now). */
  createdAt?: Date;
  /** Unit id → user who owns that unit's assignments (its liaison). */
  ownerUserByUnitId?: ReadonlyMap<string, string>;
  /** Assign each task to its units (default). Off: tasks only, the leader assigns later. */
  assign?: boolean;
}

export interface CreatedFigure {
  id: string;
  key: string;
  target: number | null;
}

export interface CreatedTask {
  id: string;
  /** The template task key; shared by every instance of a series. */
  key: string;
  title: string;
  deadline: Date;
  periodStart: string | null;
  evidenceRequired: string[];
  figures: CreatedFigure[];
  /** How many units the task is assigned to. */
  unitCount: number;
}

export interface CreatedAssignment {
  id: string;
  taskId: string;
  unitId: string;
  deadline: Date;
  createdAt: Date;
  /** Stable across runs and databases (template key, task key, period, unit code): for deterministic demo data. */
  stableKey: string;
}

export interface CreatedCampaign {
  campaignId: string;
  templateKey: string;
  name: string;
  startsOn: string;
  createdAt: Date;
  phaseIds: Map<string, string>;
  activityIds: Map<string, string>;
  tasks: CreatedTask[];
  assignments: CreatedAssignment[];
}

function targetUnits(task: TemplateTask, units: readonly UnitRef[], byCode: ReadonlyMap<string, UnitRef>): UnitRef[] {
  const owner = task.ownerUnitCode === undefined ? undefined : byCode.get(task.ownerUnitCode);
  if (task.ownerUnitCode !== undefined && !owner) {
    throw new Error(`Task ${task.key}: no unit with code ${task.ownerUnitCode}`);
  }
  if (task.assignTo === "owner") return owner ? [owner] : [];
  return units.filter((u) => task.applicableUnitKinds.includes(u.kind));
}

export async function insertCampaignFromTemplate(tx: Tx, options: InsertCampaignOptions): Promise<CreatedCampaign> {
  const template = campaignTemplateSchema.parse(options.template);
  const { orgId, unitsByCode } = options;
  const createdAt = options.createdAt ?? new Date();
  const createdBy = options.createdBy ?? null;
  const uniqueUnits = [...new Map([...unitsByCode.values()].map((u) => [u.id, u])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );

  const campaignId = crypto.randomUUID();
  await tx.insert(campaigns).values({
    orgId,
    id: campaignId,
    name: template.name,
    theme: template.theme ?? null,
    startsOn: template.startsOn,
    endsOn: template.endsOn,
    status: options.status,
    noticeTitle: template.noticeTitle ?? null,
    noticeText: template.noticeText ?? null,
    templateKey: template.key,
    createdBy,
    createdAt,
    updatedAt: createdAt,
  });

  const phaseRows = template.phases.map((p, position) => ({
    orgId,
    id: crypto.randomUUID(),
    campaignId,
    name: p.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    position,
  }));
  const phaseIds = new Map(template.phases.map((p, i) => [p.key, phaseRows[i]?.id ?? ""]));
  /** A recurring instance without a phaseKey goes into the phase containing its deadline. */
  const phaseOf = (task: TemplateTask, deadline: string): string | null => {
    if (task.phaseKey) return phaseIds.get(task.phaseKey) ?? null;
    if (!task.recurrence) return null;
    const index = template.phases.findIndex((p) => p.startsOn <= deadline && deadline <= p.endsOn);
    return phaseRows[index]?.id ?? null;
  };

  const activityRows = template.activities.map((a, position) => ({
    orgId,
    id: crypto.randomUUID(),
    campaignId,
    grouping: a.grouping ?? null,
    code: a.code ?? null,
    title: a.title,
    description: a.description ?? null,
    position,
  }));
  const activityIds = new Map(template.activities.map((a, i) => [a.key, activityRows[i]?.id ?? ""]));

  const taskRows: (typeof tasks.$inferInsert)[] = [];
  const figureRows: (typeof taskFigures.$inferInsert)[] = [];
  const assignmentRows: (typeof assignments.$inferInsert)[] = [];
  const eventRows: (typeof assignmentEvents.$inferInsert)[] = [];
  const createdTasks: CreatedTask[] = [];
  const createdAssignments: CreatedAssignment[] = [];

  template.activities.forEach((activity, ai) => {
    const activityId = activityRows[ai]?.id ?? "";
    activity.tasks.forEach((task, ti) => {
      const recipients = options.assign === false ? [] : targetUnits(task, uniqueUnits, unitsByCode);
      const ownerUnitId = task.ownerUnitCode ? (unitsByCode.get(task.ownerUnitCode)?.id ?? null) : null;
      const seriesId = task.recurrence ? crypto.randomUUID() : null;
      for (const instance of expandRecurrence(task)) {
        const taskId = crypto.randomUUID();
        const deadline = endOfDayShanghai(instance.deadline);
        const title = task.title + instance.titleSuffix;
        taskRows.push({
          orgId,
          id: taskId,
          campaignId,
          activityId,
          phaseId: phaseOf(task, instance.deadline),
          title,
          description: task.description ?? null,
          deadline,
          applicableUnitKinds: task.applicableUnitKinds,
          evidenceRequired: task.evidenceRequired,
          recurrence: task.recurrence?.freq ?? "none",
          seriesId,
          periodStart: instance.periodStart,
          ownerUnitId,
          position: ti,
          createdAt,
        });
        const figures = (task.figures ?? []).map((f, position) => {
          const id = crypto.randomUUID();
          figureRows.push({
            orgId,
            id,
            taskId,
            name: f.name,
            measureUnit: f.measureUnit,
            target: f.target === undefined ? null : String(f.target),
            position,
          });
          return { id, key: f.key, target: f.target ?? null };
        });
        createdTasks.push({
          id: taskId,
          key: task.key,
          title,
          deadline,
          periodStart: instance.periodStart,
          evidenceRequired: task.evidenceRequired,
          figures,
          unitCount: recipients.length,
        });
        for (const unit of recipients) {
          const id = crypto.randomUUID();
          assignmentRows.push({
            orgId,
            id,
            taskId,
            unitId: unit.id,
            ownerUserId: options.ownerUserByUnitId?.get(unit.id) ?? null,
            // A campaign made active at once was told to its units when it was made.
            publishedAt: options.status === "draft" ? null : createdAt,
            createdAt,
            updatedAt: createdAt,
          });
          eventRows.push({ orgId, assignmentId: id, fromStatus: null, toStatus: "pending", actorUserId: createdBy, createdAt });
          createdAssignments.push({
            id,
            taskId,
            unitId: unit.id,
            deadline,
            createdAt,
            stableKey: `${template.key}/${task.key}/${instance.periodStart ?? "-"}/${unit.templateCode ?? unit.code}`,
          });
        }
      }
    });
  });

  await insertChunked(tx, phases, phaseRows);
  await insertChunked(tx, activities, activityRows);
  await insertChunked(tx, tasks, taskRows);
  await insertChunked(tx, taskFigures, figureRows);
  await insertChunked(tx, assignments, assignmentRows);
  await insertChunked(tx, assignmentEvents, eventRows);

  return {
    campaignId,
    templateKey: template.key,
    name: template.name,
    startsOn: template.startsOn,
    createdAt,
    phaseIds,
    activityIds,
    tasks: createdTasks,
    assignments: createdAssignments,
  };
}
