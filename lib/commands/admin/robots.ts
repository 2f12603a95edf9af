import "server-only";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { robotConnections } from "@/db/schema";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { switchField } from "@/lib/admin/fields";
import { optionalText, requiredText } from "@/lib/commands/campaigns/fields";
import type { RobotKind } from "@/lib/reach/channel";
import { allowedRobotHosts, validateWebhookUrl } from "@/lib/reach/channels/robot";
import { maskWebhookUrl } from "@/lib/reach/webhook-mask";

type RobotRow = typeof robotConnections.$inferSelect;

/** More would only repeat each message in more groups; the limit keeps a mistake small. */
export const MAX_ROBOTS = 20;

export const ROBOT_KINDS = ["dingtalk", "wecom", "feishu"] as const satisfies readonly RobotKind[];

const audienceFields = { forLiaisons: switchField("联络员消息"), forLeaders: switchField("领导消息") };

export const isRobotKind = (kind: string): kind is RobotKind => (ROBOT_KINDS as readonly string[]).includes(kind);

/** What the audit trail keeps of a robot: never the secret, and the URL only masked (it holds the token). */
function robotSnapshot(r: RobotRow) {
  return {
    kind: r.kind,
    name: r.name,
    webhook: maskWebhookUrl(r.webhookUrl),
    secretSet: r.secret !== null,
    forLiaisons: r.forLiaisons,
    forLeaders: r.forLeaders,
    enabled: r.enabled,
  };
}

/** A robot of this township; not found for anyone else's. */
export async function robotInOrg(tx: Tx, orgId: string, robotId: string): Promise<RobotRow> {
  const [robot] = await tx
    .select()
    .from(robotConnections)
    .where(and(eq(robotConnections.orgId, orgId), eq(robotConnections.id, robotId)));
  if (!robot) throw new ActionError("not_found", "未找到该机器人");
  return robot;
}

export const addRobot = defineCommand(
  {
    name: "robot.create",
    permission: "org.settings",
    schema: z.object({
      kind: z.enum(ROBOT_KINDS, "请选择机器人类型（钉钉、企业微信或飞书）"),
      name: requiredText(30),
      webhookUrl: z.string("请填写机器人地址").trim().min(1, "请填写机器人地址").max(1000, "机器人地址过长"),
      secret: optionalText(200),
      ...audienceFields,
    }),
  },
  async (input, ctx) => {
    const problem = validateWebhookUrl(input.kind, input.webhookUrl, allowedRobotHosts());
    if (problem) throw new ActionError("invalid", problem, { webhookUrl: [problem] });
    const [existing] = await ctx.tx.select({ n: count() }).from(robotConnections).where(eq(robotConnections.orgId, ctx.orgId));
    if ((existing?.n ?? 0) >= MAX_ROBOTS) throw new ActionError("conflict", `每个乡镇最多添加 ${MAX_ROBOTS} 个群机器人`);
    const [created] = await ctx.tx
      .insert(robotConnections)
      .values({
        orgId: ctx.orgId,
        kind: input.kind,
        name: input.name,
        webhookUrl: input.webhookUrl,
        secret: input.secret ?? null,
        forLiaisons: input.forLiaisons,
        forLeaders: input.forLeaders,
        createdBy: ctx.userId,
      })
      .returning();
    return {
      data: { robotId: created!.id },
      audit: [{ action: "robot.create", entityType: "robot_connection", entityId: created!.id, after: robotSnapshot(created!) }],
    };
  },
);

/** Which messages the group gets, and whether it gets any (停用 keeps the robot for later). */
export const updateRobot = defineCommand(
  {
    name: "robot.update",
    permission: "org.settings",
    schema: z.object({ robotId: z.uuid(), ...audienceFields, enabled: switchField("启用") }),
  },
  async ({ robotId, ...flags }, ctx) => {
    const before = await robotInOrg(ctx.tx, ctx.orgId, robotId);
    if (before.forLiaisons === flags.forLiaisons && before.forLeaders === flags.forLeaders && before.enabled === flags.enabled) {
      return { data: { robotId }, audit: [] };
    }
    const [after] = await ctx.tx
      .update(robotConnections)
      .set({ ...flags, updatedAt: new Date() })
      .where(and(eq(robotConnections.orgId, ctx.orgId), eq(robotConnections.id, robotId)))
      .returning();
    return {
      data: { robotId },
      audit: [
        { action: "robot.update", entityType: "robot_connection", entityId: robotId, before: robotSnapshot(before), after: robotSnapshot(after!) },
      ],
    };
  },
);

/** Removes the robot; its delivery log stays (deliveries keep the robot's id and name, without a foreign key). */
export const deleteRobot = defineCommand(
  { name: "robot.delete", permission: "org.settings", schema: z.object({ robotId: z.uuid() }) },
  async ({ robotId }, ctx) => {
    const before = await robotInOrg(ctx.tx, ctx.orgId, robotId);
    await ctx.tx.delete(robotConnections).where(and(eq(robotConnections.orgId, ctx.orgId), eq(robotConnections.id, robotId)));
    return {
      data: { robotId },
      audit: [{ action: "robot.delete", entityType: "robot_connection", entityId: robotId, before: robotSnapshot(before) }],
    };
  },
);
