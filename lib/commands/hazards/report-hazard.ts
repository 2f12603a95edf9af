import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { assignmentScope } from "@/db/queries/scope";
import { assignments, hazards, units } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { HAZARD_LEVELS, REPORTABLE_SOURCES, beijingToday } from "@/lib/hazard-status";
import { calendarDay, optionalText, optionalUuid, requiredText } from "./fields";
import { checkHazardFiles, storeHazardFiles, uploadList } from "./files";
import { nextHazardNumber } from "./record";

export const reportHazardSchema = z.object({
  unitId: optionalUuid,
  assignmentId: optionalUuid,
  title: requiredText("隐患名称", 100),
  description: requiredText("隐患描述", 2000),
  location: requiredText("隐患位置", 200),
  industry: optionalText("行业领域", 50),
  level: z.enum(HAZARD_LEVELS, { error: "请选择隐患级别" }).default("general"),
  source: z.enum(REPORTABLE_SOURCES, { error: "请选择隐患来源" }).default("self_inspection"),
  foundOn: calendarDay("发现日期"),
  interimMeasures: optionalText("临时管控措施", 2000),
  photos: uploadList,
});

/**
 * The unit the hazard belongs to. A liaison reports for their own unit only:
 * another unit is refused. From an investigation task, the task's unit.
 */
async function resolveUnit(ctx: ActionContext, input: { unitId?: string; assignmentId?: string }) {
  let unitId = input.unitId;
  if (ctx.role === "liaison") {
    if (unitId && unitId !== ctx.unitId) throw new ActionError("forbidden", "联络员只能上报本单位的隐患");
    unitId = ctx.unitId ?? undefined;
  }
  if (input.assignmentId) {
    const [assignment] = await ctx.tx
      .select({ unitId: assignments.unitId })
      .from(assignments)
      .where(and(assignmentScope(ctx), eq(assignments.id, input.assignmentId)));
    if (!assignment) throw new ActionError("not_found", "未找到该排查任务");
    if (unitId && unitId !== assignment.unitId) throw new ActionError("invalid", "隐患所属单位须与排查任务的单位一致");
    unitId = assignment.unitId;
  }
  if (!unitId) throw new ActionError("invalid", "请选择隐患所属单位");
  const [unit] = await ctx.tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId), isNull(units.archivedAt)));
  if (!unit) throw new ActionError("not_found", "未找到该单位");
  return unitId;
}

/**
 * 上报隐患: a new row of the register, numbered per township and year, with
 * its before photos. Found on an investigation task, it is linked to the task.
 */
export const reportHazard = defineCommand(
  { name: "hazard.report", permission: "hazard.report", schema: reportHazardSchema },
  async (input, ctx) => {
    if (input.foundOn > beijingToday(new Date())) throw new ActionError("invalid", "发现日期不能晚于今天");
    const unitId = await resolveUnit(ctx, input);
    const photos = await checkHazardFiles(input.photos, "photo");
    const number = await nextHazardNumber(ctx.tx, ctx.orgId, input.foundOn);
    const source = input.assignmentId ? "investigation_task" : input.source;
    const values = {
      orgId: ctx.orgId,
      number,
      title: input.title,
      description: input.description,
      unitId,
      location: input.location,
      industry: input.industry,
      level: input.level,
      source,
      foundOn: input.foundOn,
      foundBy: ctx.userId,
      assignmentId: input.assignmentId ?? null,
      interimMeasures: input.interimMeasures,
      responsibleUnitId: unitId,
    } as const;
    const [created] = await ctx.tx.insert(hazards).values(values).returning({ id: hazards.id, version: hazards.version });
    const hazardId = created!.id;
    const stored = await storeHazardFiles(ctx, hazardId, "hazard_before", photos);
    return {
      data: { hazardId, number },
      audit: [
        {
          action: "hazard.report",
          entityType: "hazard",
          entityId: hazardId,
          after: { ...values, status: "reported", version: created!.version, photoIds: stored.ids },
        },
        ...stored.audit,
      ],
    };
  },
);
