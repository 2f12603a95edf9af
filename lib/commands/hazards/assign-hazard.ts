import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifyUnitLiaisons } from "@/db/notify";
import { units } from "@/db/schema";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { HAZARD_LEVELS, canEditAssignment } from "@/lib/hazard-status";
import { calendarDay, expectedVersion, funds, optionalText, requiredText } from "./fields";
import { loadHazard, requireTransition, updateHazard } from "./record";

export const assignHazardSchema = z.object({
  hazardId: z.uuid(),
  expectedVersion,
  responsibleUnitId: z.uuid({ error: "请选择整改责任单位" }),
  responsiblePerson: requiredText("整改责任人", 50),
  rectificationDeadline: calendarDay("整改期限"),
  measures: requiredText("整改措施", 2000),
  interimMeasures: optionalText("临时管控措施", 2000),
  funds,
  level: z.enum(HAZARD_LEVELS, { error: "请选择隐患级别" }),
});

/**
 * 交办整改: a leader names the responsible unit and person, the deadline and
 * the measures. A reported hazard starts rectifying; a rectifying one is
 * updated in place. The responsible unit's liaisons are notified.
 */
export const assignHazard = defineCommand(
  { name: "hazard.assign", permission: "hazard.verify", schema: assignHazardSchema },
  async (input, ctx) => {
    const current = await loadHazard(ctx, input.hazardId, input.expectedVersion);
    if (!canEditAssignment(current.status)) {
      throw new ActionError("conflict", "隐患已整改或已销号，不能再修改整改要求");
    }
    if (input.rectificationDeadline < current.foundOn) throw new ActionError("invalid", "整改期限不能早于发现日期");
    const [unit] = await ctx.tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.orgId, ctx.orgId), eq(units.id, input.responsibleUnitId), isNull(units.archivedAt)));
    if (!unit) throw new ActionError("not_found", "未找到该整改责任单位");

    const status = current.status === "reported" ? requireTransition(current, "startRectification") : current.status;
    const changes = {
      status,
      responsibleUnitId: input.responsibleUnitId,
      responsiblePerson: input.responsiblePerson,
      rectificationDeadline: input.rectificationDeadline,
      measures: input.measures,
      interimMeasures: input.interimMeasures,
      funds: input.funds === null ? null : input.funds.toFixed(2),
      level: input.level,
    };
    const version = await updateHazard(ctx, current, changes);
    await notifyUnitLiaisons(ctx.tx, ctx.orgId, [input.responsibleUnitId], {
      kind: "hazard_assigned",
      title: `隐患整改：${current.title}`,
      body: `隐患 ${current.number} 请于 ${input.rectificationDeadline} 前完成整改并上传整改后照片。整改措施：${input.measures}`,
      link: `/hazards/${current.id}`,
    });
    const before = {
      status: current.status,
      responsibleUnitId: current.responsibleUnitId,
      responsiblePerson: current.responsiblePerson,
      rectificationDeadline: current.rectificationDeadline,
      measures: current.measures,
      interimMeasures: current.interimMeasures,
      funds: current.funds,
      level: current.level,
      version: current.version,
    };
    return {
      data: { version, status },
      audit: [
        {
          action: current.status === "reported" ? "hazard.assign" : "hazard.update",
          entityType: "hazard",
          entityId: current.id,
          before,
          after: { ...changes, responsibleUnitName: unit.name, version },
        },
      ],
    };
  },
);
