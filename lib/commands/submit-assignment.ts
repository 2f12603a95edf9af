import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import { assignments, files, submissionFigureValues, submissions, taskFigures } from "@/db/schema";
import { assignmentScope } from "@/db/queries/scope";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { sanitizeFileName } from "@/lib/files/file-name";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, sniffMimeType } from "@/lib/files/sniff";
import { getBlobStore, newBlobKey } from "@/lib/storage/blob-store";
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
  const listed = input.files === undefined ? [] : Array.isArray(input.files) ? input.files : [input.files];
  const uploads = listed.filter((f) => !(f instanceof File && f.size === 0 && f.name === ""));
  return { ...input, figures, files: uploads };
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

interface CheckedFile {
  name: string;
  bytes: Buffer;
  mimeType: string;
  sha256: string;
}

/** Reads and checks every file before anything is written: size, then the type sniffed from the bytes. */
async function checkFiles(uploads: File[]): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const file of uploads) {
    const name = sanitizeFileName(file.name);
    if (file.size > MAX_FILE_BYTES) throw new ActionError("invalid", `“${name}”超过 20 MB，请压缩后再上传`);
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length === 0) throw new ActionError("invalid", `“${name}”是空文件`);
    const mimeType = sniffMimeType(bytes);
    if (!mimeType) {
      throw new ActionError("invalid", `“${name}”不是支持的文件类型（支持 jpg、png、webp、heic 照片和 pdf、docx、xlsx 文档）`);
    }
    checked.push({ name, bytes, mimeType, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return checked;
}

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
    const checked = await checkFiles(input.files);

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

    const store = getBlobStore();
    const written: string[] = [];
    try {
      // Blobs go in before the rows that point at them. If anything later fails the
      // transaction rolls back, and the blobs written here are removed (best effort:
      // a failed commit after this body returns can leave unreferenced blobs behind,
      // which are harmless because nothing points at them).
      const fileRows = [];
      for (const file of checked) {
        const storageKey = newBlobKey(ctx.orgId, now);
        await store.put(storageKey, file.bytes);
        written.push(storageKey);
        fileRows.push({
          orgId: ctx.orgId,
          purpose: "evidence" as const,
          storageKey,
          originalName: file.name,
          mimeType: file.mimeType,
          sizeBytes: file.bytes.length,
          sha256: file.sha256,
          uploadedBy: ctx.userId,
          uploadedAt: now,
        });
      }
      const [submission] = await ctx.tx
        .insert(submissions)
        .values({ orgId: ctx.orgId, assignmentId: input.assignmentId, submittedBy: ctx.userId, note: input.note, submittedAt: now })
        .returning({ id: submissions.id });
      const submissionId = submission!.id;
      if (figureRows.length > 0) {
        await ctx.tx.insert(submissionFigureValues).values(figureRows.map((f) => ({ orgId: ctx.orgId, submissionId, ...f })));
      }
      const stored =
        fileRows.length > 0
          ? await ctx.tx
              .insert(files)
              .values(fileRows.map((f) => ({ ...f, submissionId })))
              .returning({ id: files.id, originalName: files.originalName, sha256: files.sha256 })
          : [];

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
          after: { assignmentId: input.assignmentId, note: input.note, figures: figureRows, fileIds: stored.map((f) => f.id) },
        },
        ...stored.map((f) => ({
          action: "file.upload",
          entityType: "file",
          entityId: f.id,
          after: { submissionId, originalName: f.originalName, sha256: f.sha256 },
        })),
      ];
      return { data: { submissionId, version: transition.version, fileCount: stored.length }, audit };
    } catch (error) {
      await Promise.allSettled(written.map((key) => store.delete(key)));
      throw error;
    }
  },
);
