import "server-only";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, robotConnections } from "@/db/schema";
import type { Channels, SendResult } from "./channel";

/** A worker owns a claimed delivery this long; if it dies mid-send, another retries after. */
const LEASE_MS = 2 * 60 * 1000;
export const MAX_ATTEMPTS = 5;

export interface DeliverOptions {
  /** First retry delay; doubled on each further attempt (30 s, 1 min, 2 min, 4 min). */
  retryBaseMs?: number;
}

export type DeliveryOutcome = "sent" | "retry" | "failed" | "skipped";

/** Deliveries due at `now` (pending, or claimed by a worker whose lease ran out), oldest first; optionally of some townships. */
export async function dueDeliveries(db: Db, now: Date, orgIds?: string[], limit = 500): Promise<{ orgId: string; id: string }[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db
    .select({ orgId: deliveries.orgId, id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        orgIds ? inArray(deliveries.orgId, orgIds) : undefined,
        or(
          and(eq(deliveries.status, "pending"), lte(deliveries.notBefore, at)),
          and(eq(deliveries.status, "sending"), lte(deliveries.leaseUntil, at)),
        ),
      ),
    )
    .orderBy(asc(deliveries.notBefore))
    .limit(limit);
}

/**
 * Sends one delivery at most once at a time: the claim is a conditional
 * update, so of two workers (or a retry racing a slow send) one wins and the
 * other does nothing; a delivery marked sent is never claimed again.
 */
export async function deliverOne(
  db: Db,
  channels: Channels,
  ref: { orgId: string; id: string },
  now: Date,
  options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .update(deliveries)
    .set({
      status: "sending",
      attempts: sql`${deliveries.attempts} + 1`,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      updatedAt: now,
    })
    .where(
      and(
        eq(deliveries.orgId, ref.orgId),
        eq(deliveries.id, ref.id),
        lte(deliveries.notBefore, at),
        or(eq(deliveries.status, "pending"), and(eq(deliveries.status, "sending"), lte(deliveries.leaseUntil, at))),
      ),
    )
    .returning();
  if (!row) return "skipped";

  const message = { idempotencyKey: row.idempotencyKey, subject: row.subject, body: row.body, link: row.link, mentions: row.mentions };
  let result: SendResult;
  try {
    if (row.channel === "email") {
      result = await channels.email(row.recipient, message);
    } else {
      const [robot] = row.robotId
        ? await db
            .select()
            .from(robotConnections)
            .where(and(eq(robotConnections.orgId, row.orgId), eq(robotConnections.id, row.robotId)))
        : [];
      result =
        robot && robot.enabled
          ? await channels.robot({ kind: row.channel, webhookUrl: robot.webhookUrl, secret: robot.secret }, message)
          : { ok: false, retryable: false, response: "机器人已删除或停用" };
    }
  } catch (error) {
    result = { ok: false, retryable: true, response: error instanceof Error ? error.message : String(error) };
  }

  const finished = new Date();
  const outcome: DeliveryOutcome = result.ok ? "sent" : result.retryable && row.attempts < MAX_ATTEMPTS ? "retry" : "failed";
  const retryAt = new Date(now.getTime() + (options.retryBaseMs ?? 30_000) * 2 ** (row.attempts - 1));
  await db
    .update(deliveries)
    .set({
      status: outcome === "retry" ? "pending" : outcome,
      leaseUntil: null,
      lastResponse: result.response.slice(0, 1000),
      sentAt: result.ok ? finished : null,
      notBefore: outcome === "retry" ? retryAt : row.notBefore,
      updatedAt: finished,
    })
    .where(and(eq(deliveries.orgId, row.orgId), eq(deliveries.id, row.id), eq(deliveries.status, "sending")));
  return outcome;
}
