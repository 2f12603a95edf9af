import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPostgres, type DbHandle } from "@/db/client";
import { deliveries, robotConnections } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { endOfShanghaiDay } from "@/lib/deadline-day";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { addOpenAssignment, newUnitWithLiaison } from "@/tests/helpers/reach-fixtures";
import { startRobotReceiver, type RobotReceiver } from "@/tests/helpers/robot-receiver";
import { startSmtpSink, type SmtpSink } from "@/tests/helpers/smtp-sink";
import { createChannels } from "./channels";
import { runSchedule } from "./scheduler";
import { QUEUES, startWorker, type Worker } from "./worker";

/**
 * The worker end to end: pg-boss on the test database (PGlite in process, or
 * PostgreSQL with two workers, each with its own pool, racing for every job),
 * a real SMTP server and a robot receiver that checks DingTalk's signature.
 */
const at = (day: string, time = "09:00") => new Date(`2026-${day}T${time}:00+08:00`);
const SECRET = "SECtest-secret";

let handle: DbHandle;
const extraHandles: DbHandle[] = [];
let orgId: string;
let sink: SmtpSink;
let receiver: RobotReceiver;
let workers: Worker[] = [];
let clock = at("06-01");
let unit: Awaited<ReturnType<typeof newUnitWithLiaison>>;

async function start(count: number) {
  const url = inject("testDatabaseUrl");
  const channels = createChannels({ SMTP_URL: sink.url, ROBOT_ALLOWED_HOSTS: receiver.host });
  for (let i = 0; i < count; i++) {
    const own = url && i > 0 ? openPostgres(url, 4) : handle;
    if (own !== handle) extraHandles.push(own);
    workers.push(
      await startWorker({ handle: own, channels, now: () => clock, cron: false, pollingIntervalSeconds: 0.5, retryBaseMs: 300, orgIds: [orgId] }),
    );
  }
}

async function stopAll() {
  for (const w of workers) await w.stop();
  workers = [];
}

/** Every worker asks for a tick at once; the scheduler's claims let one of them tell. */
async function tickEverywhere() {
  await Promise.all(workers.map((w) => w.boss.send(QUEUES.tick, {})));
}

const robotMessagesFor = (unitName: string) => receiver.received.filter((m) => m.content.includes(unitName));
const mailsTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
const settle = (ms = 2500) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  handle = await createTestDb();
  sink = await startSmtpSink();
  receiver = await startRobotReceiver({ secrets: { dingtalk: SECRET } });
  orgId = (await seedDemoTownship(handle.db, { now: clock, shiftToYear: 2026, ...uniqueOrgOptions("wrk") })).orgId;
  await runSchedule(handle.db, clock, { recordOnly: true, orgIds: [orgId] });
  await handle.db.insert(robotConnections).values({ orgId, kind: "dingtalk", name: "安全生产群", webhookUrl: receiver.webhookUrl("dingtalk"), secret: SECRET });
  unit = await newUnitWithLiaison(handle.db, orgId, "队列村");
  await addOpenAssignment(handle.db, orgId, unit.unitId, {
    deadline: endOfShanghaiDay("2026-06-04"),
    publishedAt: at("05-30"),
    acknowledged: true,
  });
  await start(inject("testDatabaseUrl") ? 2 : 1);
}, 120_000);

afterAll(async () => {
  await stopAll();
  for (const h of extraHandles) await h.close();
  await sink?.close();
  await receiver?.close();
  await handle?.close();
});

describe("the reminder worker", () => {
  it("sends the 3-day reminder once by e-mail and to the signed DingTalk robot, however many ticks and workers", async () => {
    clock = at("06-01", "09:00");
    await tickEverywhere();
    await sink.waitFor((m) => m.to.includes(unit.email), 20_000);
    await receiver.waitFor((m) => m.content.includes(unit.unitName), 20_000);
    await tickEverywhere();
    clock = at("06-01", "09:05");
    await tickEverywhere();
    await settle();

    const mails = mailsTo(unit.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("任务将于 3 天后到期");
    expect(mails[0]!.text).toMatch(/\/tasks\/[0-9a-f-]{36}/);
    const robot = robotMessagesFor(unit.unitName);
    expect(robot).toHaveLength(1);
    expect(robot[0]!.provider).toBe("dingtalk");
    expect(robot[0]!.mentions).toContain(unit.phone);
    const [row] = await handle.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.orgId, orgId), eq(deliveries.recipient, unit.email)));
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  }, 60_000);

  it("retries a robot that answers 500 with backoff, then sends once; the e-mail is not held up", async () => {
    receiver.failNext(2, 500);
    clock = at("06-03", "09:00"); // 1 day before
    await tickEverywhere();
    await sink.waitFor((m) => m.to.includes(unit.email) && m.subject.includes("1 天后"), 20_000);
    const robotRows = () =>
      handle.db
        .select({ status: deliveries.status, attempts: deliveries.attempts, lastResponse: deliveries.lastResponse })
        .from(deliveries)
        .where(and(eq(deliveries.orgId, orgId), eq(deliveries.channel, "dingtalk")));
    // Past each backoff delay until every robot message of the township is out (the refusals may hit any of them).
    for (let i = 0; i < 12; i++) {
      const rows = await robotRows();
      if (robotMessagesFor(unit.unitName).length >= 2 && rows.every((r) => r.status === "sent")) break;
      clock = new Date(clock.getTime() + 60_000);
      await Promise.all(workers.map((w) => w.boss.send(QUEUES.sweep, {})));
      await settle(1000);
    }
    await settle();
    expect(robotMessagesFor(unit.unitName)).toHaveLength(2);
    // Every robot message of the township got through; the two refusals cost two extra attempts in all.
    const rows = await robotRows();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(rows.reduce((n, r) => n + r.attempts - 1, 0)).toBe(2);
    expect(rows.every((r) => r.lastResponse?.includes('"errcode":0'))).toBe(true);
  }, 60_000);

  it("keeps what was queued while no worker ran and sends it after a restart, once", async () => {
    await stopAll();
    clock = at("06-05", "09:00"); // overdue: blue
    await runSchedule(handle.db, clock, { orgIds: [orgId] });
    const before = mailsTo(unit.email).length;
    await start(inject("testDatabaseUrl") ? 2 : 1);
    await Promise.all(workers.map((w) => w.boss.send(QUEUES.sweep, {})));
    await sink.waitFor((m) => m.to.includes(unit.email) && m.subject.startsWith("蓝色督办"), 20_000);
    await tickEverywhere();
    await settle();
    expect(mailsTo(unit.email)).toHaveLength(before + 1);
  }, 90_000);
});
