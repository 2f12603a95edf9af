import "server-only";
import { and, count, eq, inArray, max } from "drizzle-orm";
import { z } from "zod";
import { submissionFigureValues, taskFigures } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { optionalUuid, requiredText, targetField } from "./fields";
import { seriesOf } from "./guards";

/**
 * A figure a unit reports when submitting (横幅条数, 受教育人次 …). A
 * recurring task carries the same figures on every instance, matched by
 * position, so they are added, edited and removed together.
 */
async function figureWithSeries(ctx: ActionContext, figureId: string) {
  const [figure] = await ctx.tx
    .select()
    .from(taskFigures)
    .where(and(eq(taskFigures.orgId, ctx.orgId), eq(taskFigures.id, figureId)))
    .limit(1);
  if (!figure) throw new ActionError("not_found", "未找到该指标");
  const taskIds = (await seriesOf(ctx, figure.taskId)).map((t) => t.id);
  const siblings = and(
    eq(taskFigures.orgId, ctx.orgId),
    inArray(taskFigures.taskId, taskIds),
    eq(taskFigures.position, figure.position),
  );
  return { figure, siblings };
}

export const saveFigure = defineCommand(
  {
    name: "campaign.figure.save",
    permission: "campaign.manage",
    schema: z.object({
      taskId: z.uuid(),
      figureId: optionalUuid,
      name: requiredText(100),
      measureUnit: requiredText(20),
      target: targetField,
    }),
  },
  async ({ taskId, figureId, ...input }, ctx) => {
    const fields = { name: input.name, measureUnit: input.measureUnit, target: input.target === undefined ? null : String(input.target) };
    if (figureId) {
      const { figure, siblings } = await figureWithSeries(ctx, figureId);
      const series = await seriesOf(ctx, taskId);
      if (!series.some((t) => t.id === figure.taskId)) throw new ActionError("not_found", "未找到该指标");
      const updated = await ctx.tx.update(taskFigures).set(fields).where(siblings).returning({ id: taskFigures.id });
      return {
        data: { figures: updated.length },
        audit: updated.map(({ id }) => ({
          action: "figure.update",
          entityType: "task_figure",
          entityId: id,
          before: { name: figure.name, measureUnit: figure.measureUnit, target: figure.target },
          after: fields,
        })),
      };
    }
    const taskIds = (await seriesOf(ctx, taskId)).map((t) => t.id);
    const [last] = await ctx.tx
      .select({ position: max(taskFigures.position) })
      .from(taskFigures)
      .where(and(eq(taskFigures.orgId, ctx.orgId), inArray(taskFigures.taskId, taskIds)));
    const position = (last?.position ?? -1) + 1;
    const created = await ctx.tx
      .insert(taskFigures)
      .values(taskIds.map((id) => ({ orgId: ctx.orgId, taskId: id, ...fields, position })))
      .returning({ id: taskFigures.id, taskId: taskFigures.taskId });
    return {
      data: { figures: created.length },
      audit: created.map((f) => ({ action: "figure.create", entityType: "task_figure", entityId: f.id, after: { taskId: f.taskId, ...fields } })),
    };
  },
);

/** Removes a figure, unless a unit has already reported a value for it. */
export const removeFigure = defineCommand(
  { name: "campaign.figure.remove", permission: "campaign.manage", schema: z.object({ figureId: z.uuid() }) },
  async ({ figureId }, ctx) => {
    const { figure, siblings } = await figureWithSeries(ctx, figureId);
    // Locked: a submission reporting this figure at the same moment (its foreign key
    // needs the row) waits, and is then counted below or refused.
    const ids = (await ctx.tx.select({ id: taskFigures.id }).from(taskFigures).where(siblings).for("update")).map((f) => f.id);
    const [reported] = await ctx.tx
      .select({ n: count() })
      .from(submissionFigureValues)
      .where(and(eq(submissionFigureValues.orgId, ctx.orgId), inArray(submissionFigureValues.figureId, ids)));
    if ((reported?.n ?? 0) > 0) {
      throw new ActionError("conflict", `已有 ${reported?.n} 个单位填报了“${figure.name}”，不能删除该指标`);
    }
    await ctx.tx.delete(taskFigures).where(siblings);
    return {
      data: { removed: ids.length },
      audit: ids.map((id) => ({ action: "figure.delete", entityType: "task_figure", entityId: id, before: figure })),
    };
  },
);
