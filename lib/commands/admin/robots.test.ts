import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { listDeliveries, listRobots } from "@/db/queries/reach-admin";
import { auditEvents, deliveries, organizations, robotConnections } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { startRobotReceiver, type RobotReceiver } from "@/tests/helpers/robot-receiver";
import { memberOf } from "@/tests/helpers/workflow";
import { sendRobotTest } from "./robot-test";
import { addRobot, deleteRobot, updateRobot } from "./robots";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const SECRET = "SECa1b2c3d4e5f6a7b8c9d0";
let handle: DbHandle;
let orgA: string;
let orgB: string;
let admin: Actor;
let adminB: Actor;
let receiver: RobotReceiver;

const run = <S extends z.ZodType, T>(cmd: Command<S, T>, actor: Actor, input: unknown) =>
  executeAction(handle.db, actor, cmd.config, input, cmd.body);

async function ctxOf(actor: Actor) {
  const membership = await loadMembership(handle.db, actor.userId, actor.orgId);
  return contextFor(handle.db, membership!);
}

async function newRobot(input: Record<string, string>): Promise<string> {
  const result = await run(addRobot, admin, { forLiaisons: "on", forLeaders: "on", ...input });
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.robotId;
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rba") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rbb") })).orgId;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
  adminB = (await memberOf(handle.db, orgB, "admin")).actor;
  receiver = await startRobotReceiver({ secrets: { dingtalk: SECRET } });
  // The fake provider listens on loopback: allowed for this file only (addRobot and sendToRobot read it).
  vi.stubEnv("ROBOT_ALLOWED_HOSTS", receiver.host);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await receiver?.close();
  await handle?.close();
});

describe("group robots", () => {
  it("an added robot's secret is never read back, its URL only masked, and the audit says only that a secret is set", async () => {
    const url = receiver.webhookUrl("dingtalk", "tok-9f8e7d6c");
    const robotId = await newRobot({ kind: "dingtalk", name: "安全生产工作群", webhookUrl: url, secret: SECRET });
    const robots = await listRobots(await ctxOf(admin));
    const robot = robots.find((r) => r.id === robotId)!;
    expect(robot).toMatchObject({ kind: "dingtalk", name: "安全生产工作群", secretSet: true, forLiaisons: true, forLeaders: true, enabled: true });
    expect(robot.maskedUrl).toBe(`${receiver.host}/…7d6c`);
    const listed = JSON.stringify(robots);
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain("tok-9f8e7d6c");

    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.entityId, robotId)));
    expect(audit).toMatchObject({ action: "robot.create", after: { secretSet: true, webhook: `${receiver.host}/…7d6c` } });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain("tok-9f8e7d6c");
    // The other township sees none of it.
    expect((await listRobots(await ctxOf(adminB))).map((r) => r.id)).not.toContain(robotId);
  });

  it("refuses a URL that is not the provider's, with the reason", async () => {
    const bad: [Record<string, string>, string][] = [
      [{ kind: "dingtalk", webhookUrl: "not a url" }, "不是有效的网址"],
      [{ kind: "dingtalk", webhookUrl: "http://oapi.dingtalk.com/robot/send?access_token=x" }, "https://"],
      [{ kind: "wecom", webhookUrl: receiver.webhookUrl("dingtalk") }, "企业微信机器人地址应形如"],
      [{ kind: "feishu", webhookUrl: "https://evil.example.com/open-apis/bot/v2/hook/abc" }, "不在允许的机器人主机列表中"],
      [{ kind: "sms", webhookUrl: receiver.webhookUrl("dingtalk") }, "请选择机器人类型"],
    ];
    const before = (await handle.db.select().from(robotConnections).where(eq(robotConnections.orgId, orgA))).length;
    for (const [input, message] of bad) {
      const result = await run(addRobot, admin, { name: "群", ...input });
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid" });
      expect(JSON.stringify(result), JSON.stringify(input)).toContain(message);
    }
    expect(await handle.db.select().from(robotConnections).where(eq(robotConnections.orgId, orgA))).toHaveLength(before);
  });

  it("switches which messages a robot gets, disables and deletes it, each audited; another township's admin gets not-found", async () => {
    const robotId = await newRobot({ kind: "wecom", name: "联络员群", webhookUrl: receiver.webhookUrl("wecom") });
    expect(await run(updateRobot, adminB, { robotId, forLiaisons: "on" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(deleteRobot, adminB, { robotId })).toMatchObject({ ok: false, code: "not_found" });
    const { actor: leader } = await memberOf(handle.db, orgA, "leader");
    expect(await run(updateRobot, leader, { robotId, forLiaisons: "on" })).toMatchObject({ ok: false, code: "forbidden" });

    expect(await run(updateRobot, admin, { robotId, forLiaisons: "on" })).toMatchObject({ ok: true });
    const [row] = await handle.db.select().from(robotConnections).where(eq(robotConnections.id, robotId));
    expect(row).toMatchObject({ forLiaisons: true, forLeaders: false, enabled: false });
    expect(await run(deleteRobot, admin, { robotId })).toMatchObject({ ok: true });
    expect(await handle.db.select().from(robotConnections).where(eq(robotConnections.id, robotId))).toEqual([]);
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.entityId, robotId)));
    expect(audit.map((a) => a.action).sort()).toEqual(["robot.create", "robot.delete", "robot.update"]);
    const update = audit.find((a) => a.action === "robot.update")!;
    expect(update.before).toMatchObject({ forLeaders: true, enabled: true, secretSet: false });
    expect(update.after).toMatchObject({ forLeaders: false, enabled: false });
  });
});

describe("发送测试消息", () => {
  it("sends at once, signed, and records the delivery as sent with the provider's answer", async () => {
    const robotId = await newRobot({ kind: "dingtalk", name: "测试群", webhookUrl: receiver.webhookUrl("dingtalk", "t1"), secret: SECRET });
    const result = await sendRobotTest(handle.db, admin, { robotId });
    expect(result).toMatchObject({ ok: true, data: { sent: true } });
    expect(result.ok && result.data.response).toContain('"errcode":0');
    // Only the outcome goes back: never the target's URL or secret.
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain("access_token");

    const [org] = await handle.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgA));
    const message = await receiver.waitFor((m) => m.content.includes("测试群"));
    expect(message.content).toContain("测试消息");
    expect(message.content).toContain(org!.name);

    const [row] = await handle.db.select().from(deliveries).where(and(eq(deliveries.orgId, orgA), eq(deliveries.robotId, robotId)));
    expect(row).toMatchObject({ kind: "reminder", channel: "dingtalk", recipient: "测试群", subject: "测试消息", status: "sent", attempts: 1, leaseUntil: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(row!.body).toContain(org!.name);
    expect(row!.idempotencyKey).toMatch(/^robot-test:/);
    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, robotId), eq(auditEvents.action, "robot.test")));
    expect(audit!.after).toEqual({ deliveryId: row!.id });

    const log = await listDeliveries(await ctxOf(admin), { status: "sent" });
    expect(log[0]).toMatchObject({ id: row!.id, status: "sent", attempts: 1, recipient: "测试群" });
    expect(await listDeliveries(await ctxOf(admin), { status: "failed" })).not.toContainEqual(expect.objectContaining({ id: row!.id }));
    expect((await listDeliveries(await ctxOf(adminB))).map((d) => d.id)).not.toContain(row!.id);
  });

  it("a refusing provider gives 失败 with its answer, logged as failed; each test is its own delivery", async () => {
    const robotId = await newRobot({ kind: "dingtalk", name: "错误密钥群", webhookUrl: receiver.webhookUrl("dingtalk", "t2"), secret: "SECwrong" });
    const first = await sendRobotTest(handle.db, admin, { robotId });
    expect(first).toMatchObject({ ok: true, data: { sent: false } });
    expect(first.ok && first.data.response).toContain("sign not match");
    receiver.failNext(1, 503);
    expect(await sendRobotTest(handle.db, admin, { robotId })).toMatchObject({ ok: true, data: { sent: false, response: expect.stringContaining("HTTP 503") } });
    const rows = await handle.db.select().from(deliveries).where(and(eq(deliveries.orgId, orgA), eq(deliveries.robotId, robotId)));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ status: "failed", attempts: 1, sentAt: null });
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(2);
  });

  it("another township's robot is not found and nothing is sent or logged; a leader is forbidden", async () => {
    const robotId = await newRobot({ kind: "wecom", name: "别镇不可测", webhookUrl: receiver.webhookUrl("wecom", "t3") });
    const requests = receiver.requestCount;
    expect(await sendRobotTest(handle.db, adminB, { robotId })).toMatchObject({ ok: false, code: "not_found" });
    const { actor: leader } = await memberOf(handle.db, orgA, "leader");
    expect(await sendRobotTest(handle.db, leader, { robotId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await sendRobotTest(handle.db, null, { robotId })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await sendRobotTest(handle.db, admin, { robotId: "nope" })).toMatchObject({ ok: false, code: "invalid" });
    expect(receiver.requestCount).toBe(requests);
    expect(await handle.db.select().from(deliveries).where(eq(deliveries.robotId, robotId))).toEqual([]);
  });
});
