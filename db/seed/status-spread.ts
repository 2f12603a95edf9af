/**
 * Gives seeded assignments a realistic, deterministic spread of statuses
 * relative to `now`, with the rows a real history leaves behind: assignment
 * timestamps, assignment_events, submissions (a returned-then-resubmitted
 * assignment has two) and submission_figure_values. No files.
 *
 * Deterministic: every choice comes from a hash of the assignment's stable key
 * (template, task, period, unit code), never from Math.random.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { assignmentEvents, assignments, submissionFigureValues, submissions } from "../schema";
import type { CreatedAssignment, CreatedTask } from "./campaigns";
import { DAY_MS, HOUR_MS, fnv1a, insertChunked, unitHash } from "./util";

/** What happened to an assignment; `acknowledged` stays pending with acknowledgedAt set. */
export type Outcome =
  | "pending"
  | "acknowledged"
  | "submitted"
  | "resubmitted"
  | "returned"
  | "approved"
  | "approved_after_return";

export interface StatusSpreadInput {
  orgId: string;
  now: Date;
  leaderId: string;
  liaisonByUnitId: ReadonlyMap<string, string>;
  tasks: readonly CreatedTask[];
  assignments: readonly CreatedAssignment[];
}

export interface ReturnedAssignment {
  assignmentId: string;
  unitId: string;
  taskTitle: string;
  reason: string;
  returnedAt: Date;
}

export interface StatusSpreadResult {
  outcomes: Record<Outcome, number>;
  /** Assignments whose current status is returned. */
  returned: ReturnedAssignment[];
  /** Outcome by assignment id (e.g. to link hazards to a real submission). */
  outcomeById: Map<string, Outcome>;
  counts: { assignmentEvents: number; submissions: number; submissionFigureValues: number };
}

const RETURN_REASONS = [
  "照片不清晰，请补充签到表",
  "缺少会议记录，请补充后重新提交",
  "佐证照片与活动内容不符，请上传活动现场照片",
  "数据与台账不一致，请核实后重新填报",
  "总结内容过于简单，请补充具体措施和成效",
];

const EVIDENCE_LABELS: Record<string, string> = {
  meeting_minutes: "会议记录",
  sign_in_sheet: "签到表",
  photo: "现场照片",
  summary: "工作总结",
  plan: "实施方案",
  report: "报告材料",
  video: "视频资料",
  other: "相关材料",
};

const OPENERS = ["已按要求完成", "本单位已组织开展", "已落实", "已完成"];

function pickOutcome(a: CreatedAssignment, now: Date): Outcome {
  const h = fnv1a(a.stableKey) % 100;
  if (a.deadline.getTime() < now.getTime()) {
    if (h < 8) return "approved_after_return";
    if (h < 66) return "approved";
    if (h < 70) return "resubmitted";
    if (h < 80) return "submitted";
    if (h < 88) return "returned";
    return "pending";
  }
  // Far-off deadlines: at most read.
  if (a.deadline.getTime() - now.getTime() > 90 * DAY_MS) return h < 60 ? "pending" : "acknowledged";
  if (h < 45) return "pending";
  if (h < 70) return "acknowledged";
  if (h < 84) return "submitted";
  if (h < 94) return "approved";
  return "returned";
}

/** The transitions after pending, in order: who acts and what the status becomes. */
const STEPS: Record<Outcome, ("submit" | "return" | "approve")[]> = {
  pending: [],
  acknowledged: [],
  submitted: ["submit"],
  resubmitted: ["submit", "return", "submit"],
  returned: ["submit", "return"],
  approved: ["submit", "approve"],
  approved_after_return: ["submit", "return", "submit", "approve"],
};

function pick(list: readonly string[], key: string): string {
  return list[fnv1a(key) % list.length] ?? "";
}

function figureValue(target: number | null, unitCount: number, r: number): string {
  if (target === null || unitCount === 0) return String(2 + Math.floor(r * 20));
  const share = target / unitCount;
  return String(Math.max(1, Math.round(share * (0.8 + 0.5 * r))));
}

export async function applyStatusSpread(tx: Tx, input: StatusSpreadInput): Promise<StatusSpreadResult> {
  const { orgId, now, leaderId } = input;
  const taskById = new Map(input.tasks.map((t) => [t.id, t]));
  const latest = now.getTime() - 10 * 60 * 1000;
  const outcomes: Record<Outcome, number> = {
    pending: 0,
    acknowledged: 0,
    submitted: 0,
    resubmitted: 0,
    returned: 0,
    approved: 0,
    approved_after_return: 0,
  };
  const updates: (typeof assignments.$inferInsert)[] = [];
  const events: (typeof assignmentEvents.$inferInsert)[] = [];
  const subs: (typeof submissions.$inferInsert)[] = [];
  const values: (typeof submissionFigureValues.$inferInsert)[] = [];
  const returned: ReturnedAssignment[] = [];
  const outcomeById = new Map<string, Outcome>();

  for (const a of input.assignments) {
    const task = taskById.get(a.taskId);
    const liaison = input.liaisonByUnitId.get(a.unitId);
    if (!task || !liaison) throw new Error(`Assignment ${a.id}: unknown task or unit without liaison`);
    // Work happens between the later of issue and period start, and shortly after the deadline (never after now).
    const periodStart = task.periodStart ? new Date(`${task.periodStart}T08:00:00+08:00`).getTime() : 0;
    const start = Math.max(a.createdAt.getTime(), periodStart);
    const end = Math.min(latest, a.deadline.getTime() + 3 * DAY_MS);
    const span = end - start;
    const outcome = span < 2 * HOUR_MS ? "pending" : pickOutcome(a, now);
    outcomes[outcome]++;
    outcomeById.set(a.id, outcome);
    if (outcome === "pending") continue;

    const r = (salt: string) => unitHash(`${a.stableKey}#${salt}`);
    const acknowledgedAt = new Date(start + span * (0.02 + 0.15 * r("ack")));
    let t = start + span * (0.3 + 0.4 * r("submit"));
    let status: "pending" | "submitted" | "returned" | "approved" = "pending";
    let version = 1;
    let submittedAt: Date | null = null;
    let approvedAt: Date | null = null;
    let current: ({ id: string } & typeof submissions.$inferInsert) | undefined;
    const steps = STEPS[outcome];

    for (const [i, step] of steps.entries()) {
      if (i > 0) {
        // Reviews take 6 h – 3 days, fixes 1 – 3 days; never past `end`, always after the previous step.
        const wanted = step === "submit" ? DAY_MS * (1 + 2 * r(`gap${i}`)) : HOUR_MS * (6 + 66 * r(`gap${i}`));
        t += Math.max(60_000, Math.min(wanted, (end - t) / (steps.length - i + 1)));
      }
      const at = new Date(t);
      const from = status;
      if (step === "submit") {
        status = "submitted";
        submittedAt = at;
        const evidence = task.evidenceRequired.map((e) => EVIDENCE_LABELS[e] ?? e).join("、") || "相关材料";
        const note =
          i > 0
            ? `已根据退回意见补充完善${evidence}，请重新审核。`
            : `${pick(OPENERS, a.stableKey)}“${task.title}”，附${evidence}，请审核。`;
        current = { orgId, id: crypto.randomUUID(), assignmentId: a.id, submittedBy: liaison, note, submittedAt: at };
        subs.push(current);
        for (const f of task.figures) {
          const value = figureValue(f.target, task.unitCount, r(`${f.key}${i}`));
          values.push({ orgId, submissionId: current.id, figureId: f.id, value });
        }
        events.push({ orgId, assignmentId: a.id, fromStatus: from, toStatus: status, actorUserId: liaison, createdAt: at });
        continue;
      }
      status = step === "approve" ? "approved" : "returned";
      const reason = step === "return" ? pick(RETURN_REASONS, `${a.stableKey}#reason${i}`) : null;
      if (!current) throw new Error("unreachable: a review without a submission");
      Object.assign(current, { decision: status, reviewedBy: leaderId, reviewedAt: at, returnReason: reason });
      if (step === "approve") approvedAt = at;
      if (reason && i === steps.length - 1) {
        returned.push({ assignmentId: a.id, unitId: a.unitId, taskTitle: task.title, reason, returnedAt: at });
      }
      events.push({ orgId, assignmentId: a.id, fromStatus: from, toStatus: status, actorUserId: leaderId, reason, createdAt: at });
    }
    version += steps.length;
    updates.push({
      orgId,
      id: a.id,
      taskId: a.taskId,
      unitId: a.unitId,
      status,
      acknowledgedAt,
      submittedAt,
      approvedAt,
      version,
      updatedAt: steps.length ? new Date(t) : acknowledgedAt,
    });
  }

  // One upsert per chunk rather than one UPDATE per assignment.
  for (let i = 0; i < updates.length; i += 500) {
    await tx
      .insert(assignments)
      .values(updates.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [assignments.orgId, assignments.id],
        set: {
          status: sql`excluded.status`,
          acknowledgedAt: sql`excluded.acknowledged_at`,
          submittedAt: sql`excluded.submitted_at`,
          approvedAt: sql`excluded.approved_at`,
          version: sql`excluded.version`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  await insertChunked(tx, assignmentEvents, events);
  await insertChunked(tx, submissions, subs);
  await insertChunked(tx, submissionFigureValues, values);

  return {
    outcomes,
    returned,
    outcomeById,
    counts: { assignmentEvents: events.length, submissions: subs.length, submissionFigureValues: values.length },
  };
}
