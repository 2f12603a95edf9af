import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { deliveries, dispatches, memberships, notifications, robotConnections, users } from "@/db/schema";
import { afterQuietHours, type EscalationLevel, type ReachSchedule } from "./rules";
import { publicUrl } from "./settings";

export type NotificationKind = (typeof notifications.$inferInsert)["kind"];

/** One thing to tell once: the key is unique per township (dispatches_org_key). */
export interface DispatchItem {
  key: string;
  kind: NotificationKind;
  assignmentId?: string | null;
  level?: EscalationLevel | null;
}

/**
 * Records the items not recorded before and returns those: a second scheduler,
 * a retry or a replay finds them taken and tells nobody again.
 */
export async function claimDispatches(tx: Tx, orgId: string, items: DispatchItem[]): Promise<DispatchItem[]> {
  if (items.length === 0) return [];
  const inserted = await tx
    .insert(dispatches)
    .values(items.map((i) => ({ orgId, key: i.key, kind: i.kind, assignmentId: i.assignmentId ?? null, level: i.level ?? null })))
    .onConflictDoNothing({ target: [dispatches.orgId, dispatches.key] })
    .returning({ key: dispatches.key });
  const fresh = new Set(inserted.map((r) => r.key));
  return items.filter((i) => fresh.has(i.key));
}

/** A message and who gets it: the bell and e-mail of users, e-mail of people without an account, group robots. */
export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside Duban (`/tasks/…`); outside messages carry it as an absolute link. */
  link: string | null;
  userIds: string[];
  /** E-mail addresses of people without an account (a unit's 责任人). */
  emails?: { address: string; label: string }[];
  /** Which group robots get it: those for liaisons' messages, those for leaders', either, or none. */
  robots: "liaisons" | "leaders" | "all" | null;
  /** Phones a robot message @-mentions. */
  mentions?: string[];
}

export interface SendOutcome {
  notified: number;
  deliveries: number;
}

/** A delivery key from the message key and the recipient; short, stable and unique. */
function deliveryKey(messageKey: string, recipient: string): string {
  return createHash("sha256").update(`${messageKey}\u0000${recipient}`).digest("base64url").slice(0, 32);
}

/** A stable key for a message covering several dispatch items (the same items always give the same key). */
export function messageKey(items: DispatchItem[], suffix = ""): string {
  const keys = items.map((i) => i.key).sort();
  return createHash("sha256").update(keys.join("\n")).update(suffix).digest("base64url").slice(0, 32);
}

/**
 * Puts a message in the bell and in the outbox, inside the caller's
 * transaction: it commits with the change that caused it, or not at all.
 * Outside deliveries wait for the end of quiet hours; the worker sends them.
 */
export async function sendMessage(
  tx: Tx,
  orgId: string,
  key: string,
  message: Message,
  schedule: Pick<ReachSchedule, "quietStartHour" | "quietEndHour">,
  now: Date,
): Promise<SendOutcome> {
  const userIds = [...new Set(message.userIds)];
  if (userIds.length > 0) {
    await tx
      .insert(notifications)
      .values(userIds.map((userId) => ({ orgId, userId, kind: message.kind, title: message.title, body: message.body, link: message.link })));
  }
  const rows: (typeof deliveries.$inferInsert)[] = [];
  const notBefore = afterQuietHours(now, schedule);
  const base = {
    orgId,
    kind: message.kind,
    subject: message.title,
    body: message.body,
    link: publicUrl(message.link),
    notBefore,
    createdAt: now,
    updatedAt: now,
  };
  if (userIds.length > 0) {
    const mailable = await tx
      .selectDistinct({ id: users.id, email: users.email })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
      .where(
        and(
          inArray(users.id, userIds),
          eq(users.active, true),
          eq(memberships.active, true),
          eq(users.emailNotifications, true),
          isNotNull(users.email),
        ),
      );
    for (const user of mailable) {
      rows.push({ ...base, idempotencyKey: deliveryKey(key, `user:${user.id}`), channel: "email", recipientUserId: user.id, recipient: user.email! });
    }
  }
  for (const extra of message.emails ?? []) {
    rows.push({ ...base, idempotencyKey: deliveryKey(key, `email:${extra.address}`), channel: "email", recipient: extra.address });
  }
  if (message.robots) {
    const robots = await tx
      .select({ id: robotConnections.id, kind: robotConnections.kind, name: robotConnections.name })
      .from(robotConnections)
      .where(
        and(
          eq(robotConnections.orgId, orgId),
          eq(robotConnections.enabled, true),
          message.robots === "all"
            ? or(eq(robotConnections.forLiaisons, true), eq(robotConnections.forLeaders, true))
            : eq(message.robots === "liaisons" ? robotConnections.forLiaisons : robotConnections.forLeaders, true),
        ),
      );
    for (const robot of robots) {
      rows.push({
        ...base,
        idempotencyKey: deliveryKey(key, `robot:${robot.id}`),
        channel: robot.kind,
        robotId: robot.id,
        recipient: robot.name,
        mentions: [...new Set(message.mentions ?? [])],
      });
    }
  }
  const inserted =
    rows.length === 0
      ? []
      : await tx
          .insert(deliveries)
          .values(rows)
          .onConflictDoNothing({ target: [deliveries.orgId, deliveries.idempotencyKey] })
          .returning({ id: deliveries.id });
  return { notified: userIds.length, deliveries: inserted.length };
}
