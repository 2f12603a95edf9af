import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { deliveries, organizations } from "@/db/schema";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { startSmtpSink, type SmtpSink } from "@/tests/helpers/smtp-sink";
import { createChannels } from "./channels";
import { deliverOne, dueDeliveries, MAX_ATTEMPTS } from "./deliver";

let handle: DbHandle;
let sink: SmtpSink;
let orgId: string;
const NOW = new Date("2026-06-01T09:00:00+08:00");

async function queued(address: string, overrides: Partial<typeof deliveries.$inferInsert> = {}) {
  const [row] = await handle.db
    .insert(deliveries)
    .values({
      orgId,
      idempotencyKey: crypto.randomUUID(),
      kind: "reminder",
      channel: "email",
      recipient: address,
      subject: "催办：请尽快完成任务",
      body: "您单位有 2 项任务未完成。",
      link: "http://localhost:3000/tasks",
      notBefore: NOW,
      ...overrides,
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  handle = await createTestDb();
  sink = await startSmtpSink();
  const o = uniqueOrgOptions("dlv");
  [{ id: orgId }] = (await handle.db
    .insert(organizations)
    .values({ kind: "township", name: o.orgName, code: o.orgCode, shortCode: o.shortCode })
    .returning({ id: organizations.id })) as [{ id: string }];
});

afterAll(async () => {
  await sink?.close();
  await handle?.close();
});

const channels = () => createChannels({ SMTP_URL: sink.url });
const rowOf = async (id: string) => (await handle.db.select().from(deliveries).where(and(eq(deliveries.orgId, orgId), eq(deliveries.id, id))))[0]!;

describe("delivering one message", () => {
  it("two workers racing for one delivery send it once", async () => {
    const row = await queued("race@example.test");
    const outcomes = await Promise.all([0, 1, 2].map(() => deliverOne(handle.db, channels(), row, NOW)));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(sink.messages.filter((m) => m.to.includes("race@example.test"))).toHaveLength(1);
    expect(await deliverOne(handle.db, channels(), row, NOW)).toBe("skipped");
    expect(await rowOf(row.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a worker that died mid-send leaves a lease; after it runs out another worker sends", async () => {
    const row = await queued("crash@example.test", { status: "sending", attempts: 1, leaseUntil: new Date(NOW.getTime() + 60_000) });
    expect(await deliverOne(handle.db, channels(), row, NOW)).toBe("skipped");
    expect((await dueDeliveries(handle.db, NOW, [orgId])).map((d) => d.id)).not.toContain(row.id);
    const later = new Date(NOW.getTime() + 120_000);
    expect((await dueDeliveries(handle.db, later, [orgId])).map((d) => d.id)).toContain(row.id);
    expect(await deliverOne(handle.db, channels(), row, later)).toBe("sent");
    expect(await rowOf(row.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a temporary refusal waits with backoff, a permanent one fails at once, with the server's answer", async () => {
    sink.failNext(1);
    const row = await queued("busy@example.test");
    expect(await deliverOne(handle.db, channels(), row, NOW, { retryBaseMs: 1000 })).toBe("retry");
    const waiting = await rowOf(row.id);
    expect(waiting.status).toBe("pending");
    expect(waiting.notBefore.getTime()).toBe(NOW.getTime() + 1000);
    expect(waiting.lastResponse).toMatch(/451/);
    expect(await deliverOne(handle.db, channels(), row, NOW)).toBe("skipped");
    expect(await deliverOne(handle.db, channels(), row, new Date(NOW.getTime() + 1000))).toBe("sent");

    sink.rejectRecipients(/^nobody@/);
    const bad = await queued("nobody@example.test");
    expect(await deliverOne(handle.db, channels(), bad, NOW)).toBe("failed");
    expect((await rowOf(bad.id)).lastResponse).toMatch(/550/);
    sink.rejectRecipients(null);
  });

  it("gives up after the last attempt, and without SMTP configured says so", async () => {
    const row = await queued("last@example.test", { attempts: MAX_ATTEMPTS - 1 });
    sink.failNext(1);
    expect(await deliverOne(handle.db, channels(), row, NOW)).toBe("failed");
    const unconfigured = await queued("nosmtp@example.test");
    expect(await deliverOne(handle.db, createChannels({}), unconfigured, NOW)).toBe("failed");
    expect((await rowOf(unconfigured.id)).lastResponse).toContain("SMTP_URL");
  });
});
