import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { noteDatabaseFailure, type Db } from "@/db/client";
import { deliveries, organizations } from "@/db/schema";
import { ActionError, defineCommand, executeAction, type ActionResult, type Actor } from "@/lib/auth/action-core";
import type { OutboundMessage, RobotTarget } from "@/lib/reach/channel";
import { sendToRobot, type RobotSendOptions } from "@/lib/reach/channels/robot";
import { publicUrl } from "@/lib/reach/settings";
import { isRobotKind, robotInOrg } from "./robots";

/** Longer than a send can take (the robot timeout), so the outbox worker never takes the row over mid-send. */
const LEASE_MS = 2 * 60 * 1000;

/**
 * 发送测试消息, first half: checks the robot is the township's, logs the
 * message in deliveries as being sent (attempt 1) and returns what to send.
 * The send itself happens after this transaction commits (sendRobotTest), so
 * no database transaction waits on a provider's answer.
 */
export const prepareRobotTest = defineCommand(
  { name: "robot.test", permission: "org.settings", schema: z.object({ robotId: z.uuid() }) },
  async ({ robotId }, ctx) => {
    const robot = await robotInOrg(ctx.tx, ctx.orgId, robotId);
    const kind = robot.kind;
    // The column shares the channel enum with e-mail; addRobot never stores that.
    if (!isRobotKind(kind)) throw new ActionError("conflict", "该连接不是群机器人");
    const [org] = await ctx.tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, ctx.orgId));
    const now = new Date();
    const message: OutboundMessage = {
      idempotencyKey: `robot-test:${randomUUID()}`,
      subject: "测试消息",
      body: `这是督办平台（${org?.name ?? ""}）发给“${robot.name}”的测试消息。收到即表示机器人设置正确。`,
      link: publicUrl("/dashboard"),
      mentions: [],
    };
    const [delivery] = await ctx.tx
      .insert(deliveries)
      .values({
        orgId: ctx.orgId,
        idempotencyKey: message.idempotencyKey,
        kind: "reminder",
        channel: robot.kind,
        robotId: robot.id,
        recipient: robot.name,
        subject: message.subject,
        body: message.body,
        link: message.link,
        status: "sending",
        attempts: 1,
        notBefore: now,
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: deliveries.id });
    const target: RobotTarget = { kind, webhookUrl: robot.webhookUrl, secret: robot.secret };
    return {
      data: { orgId: ctx.orgId, deliveryId: delivery!.id, target, message },
      audit: [{ action: "robot.test", entityType: "robot_connection", entityId: robot.id, after: { deliveryId: delivery!.id } }],
    };
  },
);

export interface RobotTestOutcome {
  sent: boolean;
  /** The provider's answer (or why nothing was sent), as the delivery log keeps it. */
  response: string;
}

/**
 * 发送测试消息: authorizes and logs through executeAction, sends synchronously,
 * then records the answer on the delivery. Only the outcome goes back to the
 * page: never the target (its URL and secret).
 */
export async function sendRobotTest(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options?: RobotSendOptions,
): Promise<ActionResult<RobotTestOutcome>> {
  const prepared = await executeAction(db, actor, prepareRobotTest.config, input, prepareRobotTest.body);
  if (!prepared.ok) return prepared;
  const { orgId, deliveryId, target, message } = prepared.data;
  const result = await sendToRobot(target, message, options);
  const now = new Date();
  try {
    await db
      .update(deliveries)
      .set({
        status: result.ok ? "sent" : "failed",
        lastResponse: result.response,
        sentAt: result.ok ? now : null,
        leaseUntil: null,
        updatedAt: now,
      })
      .where(and(eq(deliveries.orgId, orgId), eq(deliveries.id, deliveryId)));
  } catch (error) {
    // The message went (or not) all the same; the row stays "sending" until its lease ends, then the worker may retry it.
    console.error("[action robot.test] recording the answer", error);
    noteDatabaseFailure(error);
  }
  return { ok: true, data: { sent: result.ok, response: result.response } };
}
