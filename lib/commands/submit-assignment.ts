import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import { assignments, submissionFigureValues, submissions, taskFigures } from "@/db/schema";
import { assignmentScope } from "@/db/queries/scope";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { MAX_FILES_PER_SUBMISSION } from "@/lib/files/sniff";
import { checkUploads, storeFiles, withoutEmptyUploads } from "@/lib/files/uploads";
import { transitionAssignment } from "./transition-assignment";

export const MAX_NOTE_LENGTH = 5000;
export const MAX_FIGURE_VALUE = 1e9;
const FIGURE_FIELD = "figure.";

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * The form sends `figure.<figureId>` fields and repeated `files` entries; an
 * empty file input sends one nameless, empty File, which is not an upload.
 */
function normalizeForm(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  const figures: Record<string, unknown> = { ...(input.figures as Record<string, unknown> | undefined) };
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith(FIGURE_FIELD)) figures[key.slice(FIGURE_FIELD.length)] = value;
  }
  return { ...input, figures, files: withoutEmptyUploads(input.files) };
}

const figureValue = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === "string" ? Number(v.trim()) : v),
  z
    .number({ error: "请填写数字" })
    .min(0, "不能为负数")
    .max(MAX_FIGURE_VALUE, "数值过大"),
);

const schema = z.preprocess(
  normalizeForm,
  z.object({
    assignmentId: z.uuid(),
    expectedVersion: z.coerce.number().int().positive(),
    note: z.string().trim().max(MAX_NOTE_LENGTH, `说明不能超过 ${MAX_NOTE_LENGTH} 字`).default(""),
    figures: z.record(z.string(), figureValue),
    files: z.array(z.instanceof(File)).max(MAX_FILES_PER_SUBMISSION, `每次最多上传 ${MAX_FILES_PER_SUBMISSION} 个文件`),
  }),
);

/** Every figure of the task needs a value, and only the task's figures are accepted. */
async function checkFigures(ctx: ActionContext, taskId: string, values: Record<string, number>) {
  const figures = await ctx.tx
    .select({ id: taskFigures.id, name: taskFigures.name })
    .from(taskFigures)
    .where(and(eq(taskFigures.orgId, ctx.orgId), eq(taskFigures.taskId, taskId)))
    .orderBy(asc(taskFigures.position));
  const known = new Set(figures.map((f) => f.id));
  if (Object.keys(values).some((id) => !known.has(id))) throw new ActionError("invalid", "填报的数据项不属于该任务，请刷新后重试");
  const missing = figures.find((f) => values[f.id] === undefined);
  if (missing) throw new ActionError("invalid", `请填写“${missing.name}”`);
  return figures.map((f) => ({ figureId: f.id, value: values[f.id]!.toFixed(2) }));
}

/**
 * 提交: the unit's liaison submits a note, the task's figures and evidence
 * files; the assignment moves to submitted. Resubmitting after a return adds
 * a new submission — earlier ones and their files stay.
 */
export const submitAssignment = defineCommand(
  { name: "assignment.submit", permission: "assignment.submit", schema },
  async (input, ctx) => {
    const [assignment] = await ctx.tx
      .select({ taskId: assignments.taskId })
      .from(assignments)
      .where(and(assignmentScope(ctx), eq(assignments.id, input.assignmentId)));
    if (!assignment) throw new ActionError("not_found", "未找到该任务");

    const figureRows = await checkFigures(ctx, assignment.taskId, input.figures);
    if (!input.note && input.files.length === 0) throw new ActionError("invalid", "请填写说明或上传至少一个文件");
    const checked = await checkUploads(input.files, {
      wrongType: (name) => `“${name}”不是支持的文件类型（支持 jpg、png、webp、heic 照片和 pdf、docx、xlsx 文档）`,
    });

    // Status and version first: a stale form is refused before any bytes are stored.
    const transition = await transitionAssignment(ctx, {
      assignmentId: input.assignmentId,
      transition: "submit",
      expectedVersion: input.expectedVersion,
    });

    const now = new Date();
    // Submitting is also receipt: an unacknowledged assignment counts as 签收 now.
    const acknowledged = await ctx.tx
      .update(assignments)
      .set({ acknowledgedAt: now, ownerUserId: sql`coalesce(${assignments.ownerUserId}, ${ctx.userId}::uuid)` })
      .where(and(assignmentScope(ctx), eq(assignments.id, input.assignmentId), isNull(assignments.acknowledgedAt)))
      .returning({ id: assignments.id });

    const [submission] = await ctx.tx
      .insert(submissions)
      .values({ orgId: ctx.orgId, assignmentId: input.assignmentId, submittedBy: ctx.userId, note: input.note, submittedAt: now })
      .returning({ id: submissions.id });
    const submissionId = submission!.id;
    if (figureRows.length > 0) {
      await ctx.tx.insert(submissionFigureValues).values(figureRows.map((f) => ({ orgId: ctx.orgId, submissionId, ...f })));
    }
    const stored = await storeFiles(ctx.tx, ctx, { purpose: "evidence", submissionId }, checked, { now });

    const audit: AuditEntry[] = [
      transition.audit,
      ...acknowledged.map((a) => ({
        action: "assignment.acknowledge",
        entityType: "assignment",
        entityId: a.id,
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: now.toISOString(), bySubmission: true },
      })),
      {
        action: "submission.create",
        entityType: "submission",
        entityId: submissionId,
        after: { assignmentId: input.assignmentId, note: input.note, figures: figureRows, fileIds: stored.ids },
      },
      ...stored.audit,
    ];
    return { data: { submissionId, version: transition.version, fileCount: stored.ids.length }, audit };
  },
);
