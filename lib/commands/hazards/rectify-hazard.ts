import "server-only";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { files } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { beijingToday, canMarkRectified } from "@/lib/hazard-status";
import { calendarDay, expectedVersion, requiredText } from "./fields";
import { checkHazardFiles, storeHazardFiles, uploadList } from "./files";
import { loadHazard, requireTransition, updateHazard, type HazardRow } from "./record";

/** A liaison acts only for the unit responsible for the rectification (the hazard's own unit if none was named). */
export function assertResponsibleLiaison(ctx: ActionContext, hazard: HazardRow) {
  if (ctx.role !== "liaison") return;
  if ((hazard.responsibleUnitId ?? hazard.unitId) !== ctx.unitId) {
    throw new ActionError("forbidden", "只有整改责任单位的联络员可以办理整改");
  }
}

export async function countHazardFiles(ctx: ActionContext, hazardId: string, purpose: "hazard_after" | "hazard_plan") {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(files)
    .where(and(eq(files.orgId, ctx.orgId), eq(files.hazardId, hazardId), eq(files.purpose, purpose)));
  return row?.n ?? 0;
}

export const rectifyHazardSchema = z.object({
  hazardId: z.uuid(),
  expectedVersion,
  note: requiredText("整改情况", 2000),
  rectifiedOn: calendarDay("整改完成日期"),
  photos: uploadList,
  plans: uploadList,
});

/**
 * 整改完成: the responsible unit (or a leader for it) records what was done,
 * with after photos. A 重大 hazard needs its rectification plan first — in
 * this request or uploaded earlier.
 */
export const rectifyHazard = defineCommand(
  { name: "hazard.rectify", permission: "hazard.rectify", schema: rectifyHazardSchema },
  async (input, ctx) => {
    const current = await loadHazard(ctx, input.hazardId, input.expectedVersion);
    assertResponsibleLiaison(ctx, current);
    const to = requireTransition(current, "markRectified");
    if (input.rectifiedOn > beijingToday(new Date())) throw new ActionError("invalid", "整改完成日期不能晚于今天");
    if (input.rectifiedOn < current.foundOn) throw new ActionError("invalid", "整改完成日期不能早于发现日期");

    const photos = await checkHazardFiles(input.photos, "photo");
    const plans = await checkHazardFiles(input.plans, "plan");
    if (photos.length === 0 && (await countHazardFiles(ctx, current.id, "hazard_after")) === 0) {
      throw new ActionError("invalid", "请上传整改后照片");
    }
    const planCount = plans.length + (await countHazardFiles(ctx, current.id, "hazard_plan"));
    if (!canMarkRectified(current.level, planCount)) {
      throw new ActionError("invalid", "重大隐患须先上传整改方案，才能标记为已整改");
    }

    const changes = { status: to, rectifiedOn: input.rectifiedOn, rectifiedBy: ctx.userId, rectificationNote: input.note };
    const version = await updateHazard(ctx, current, changes);
    const storedPhotos = await storeHazardFiles(ctx, current.id, "hazard_after", photos);
    const storedPlans = await storeHazardFiles(ctx, current.id, "hazard_plan", plans);
    return {
      data: { version, status: to },
      audit: [
        {
          action: "hazard.rectify",
          entityType: "hazard",
          entityId: current.id,
          before: { status: current.status, version: current.version },
          after: { ...changes, version, photoIds: storedPhotos.ids, planIds: storedPlans.ids },
        },
        ...storedPhotos.audit,
        ...storedPlans.audit,
      ],
    };
  },
);
