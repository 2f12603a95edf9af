import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { files, hazards, publicReports, units } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { HAZARD_LEVELS, beijingToday } from "@/lib/hazard-status";
import { optionalText, requiredText } from "./fields";
import { nextHazardNumber } from "./record";

type PublicReportRow = typeof publicReports.$inferSelect;

/** Marks a waiting report decided; a report someone else decided meanwhile is a conflict. */
async function decide(ctx: ActionContext, reportId: string, changes: Partial<PublicReportRow>) {
  const [decided] = await ctx.tx
    .update(publicReports)
    .set({ ...changes, decidedBy: ctx.userId, decidedAt: new Date() })
    .where(and(eq(publicReports.orgId, ctx.orgId), eq(publicReports.id, reportId), eq(publicReports.status, "received")))
    .returning();
  if (decided) return decided;
  const [existing] = await ctx.tx
    .select({ id: publicReports.id })
    .from(publicReports)
    .where(and(eq(publicReports.orgId, ctx.orgId), eq(publicReports.id, reportId)));
  if (!existing) throw new ActionError("not_found", "未找到该群众举报");
  throw new ActionError("conflict", "该举报已被处理，请刷新后查看");
}

/**
 * 受理: the leader turns a public report into a hazard of the chosen unit
 * (source 群众举报), replies publicly, and the report's photo becomes the
 * hazard's before photo (a second row pointing at the same stored bytes).
 */
export const acceptPublicReport = defineCommand(
  {
    name: "public_report.accept",
    permission: "hazard.verify",
    schema: z.object({
      reportId: z.uuid(),
      unitId: z.uuid({ error: "请选择隐患所属单位" }),
      title: requiredText("隐患名称", 100),
      level: z.enum(HAZARD_LEVELS, { error: "请选择隐患级别" }),
      industry: optionalText("行业领域", 50),
      publicReply: requiredText("答复内容", 500),
    }),
  },
  async (input, ctx) => {
    const [unit] = await ctx.tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, ctx.orgId), eq(units.id, input.unitId), isNull(units.archivedAt)));
    if (!unit) throw new ActionError("not_found", "未找到该单位");
    const [report] = await ctx.tx
      .select()
      .from(publicReports)
      .where(and(eq(publicReports.orgId, ctx.orgId), eq(publicReports.id, input.reportId)));
    if (!report) throw new ActionError("not_found", "未找到该群众举报");

    const foundOn = beijingToday(report.createdAt);
    const number = await nextHazardNumber(ctx.tx, ctx.orgId, foundOn);
    const values = {
      orgId: ctx.orgId,
      number,
      title: input.title,
      description: report.description,
      unitId: input.unitId,
      location: report.location,
      industry: input.industry,
      level: input.level,
      source: "public_report",
      foundOn,
      foundBy: null,
      responsibleUnitId: input.unitId,
    } as const;
    const [hazard] = await ctx.tx.insert(hazards).values(values).returning({ id: hazards.id });
    const hazardId = hazard!.id;
    await decide(ctx, report.id, { status: "accepted", hazardId, publicReply: input.publicReply });

    const photos = await ctx.tx
      .select()
      .from(files)
      .where(and(eq(files.orgId, ctx.orgId), eq(files.publicReportId, report.id)));
    const copied =
      photos.length === 0
        ? []
        : await ctx.tx
            .insert(files)
            .values(
              photos.map((photo) => ({
                orgId: ctx.orgId,
                purpose: "hazard_before" as const,
                hazardId,
                storageKey: photo.storageKey,
                originalName: photo.originalName,
                mimeType: photo.mimeType,
                sizeBytes: photo.sizeBytes,
                sha256: photo.sha256,
                uploadedAt: photo.uploadedAt,
              })),
            )
            .returning({ id: files.id });
    return {
      data: { hazardId, number },
      audit: [
        {
          action: "public_report.accept",
          entityType: "public_report",
          entityId: report.id,
          before: { status: report.status },
          after: { status: "accepted", hazardId, publicReply: input.publicReply },
        },
        {
          action: "hazard.report",
          entityType: "hazard",
          entityId: hazardId,
          after: { ...values, status: "reported", publicReportId: report.id, photoIds: copied.map((f) => f.id) },
        },
      ],
    };
  },
);

/** 不予受理: the leader dismisses a public report; the reason is the public reply the reporter sees. */
export const dismissPublicReport = defineCommand(
  {
    name: "public_report.dismiss",
    permission: "hazard.verify",
    schema: z.object({ reportId: z.uuid(), reason: requiredText("不予受理的原因", 500) }),
  },
  async (input, ctx) => {
    const decided = await decide(ctx, input.reportId, { status: "dismissed", publicReply: input.reason });
    return {
      data: { status: decided.status },
      audit: [
        {
          action: "public_report.dismiss",
          entityType: "public_report",
          entityId: decided.id,
          before: { status: "received" },
          after: { status: "dismissed", publicReply: input.reason },
        },
      ],
    };
  },
);
