import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { scheduleOf } from "@/lib/reach/settings";
import type { ReachSchedule } from "@/lib/reach/rules";
import { maskWebhookUrl } from "@/lib/reach/webhook-mask";
import { deliveries, deliveryStatus, reachSettings, robotConnections } from "../schema";
import type { QueryContext } from "./context";

/** What the 提醒与推送 and 推送记录 pages read: the township's schedule, robots and delivery log. */

export interface ReachSettingsView {
  schedule: ReachSchedule;
  /** False while the township runs on the defaults (nothing saved yet). */
  saved: boolean;
  updatedAt: Date | null;
}

export async function reachSettingsOf(ctx: QueryContext): Promise<ReachSettingsView> {
  const [row] = await ctx.db.select().from(reachSettings).where(eq(reachSettings.orgId, ctx.orgId));
  return { schedule: scheduleOf(row), saved: Boolean(row), updatedAt: row?.updatedAt ?? null };
}

export interface AdminRobot {
  id: string;
  kind: (typeof robotConnections.$inferSelect)["kind"];
  name: string;
  /** Host and last four characters: the full URL holds the group's token. */
  maskedUrl: string;
  /** Whether a signing secret is stored; the secret itself is never read here. */
  secretSet: boolean;
  forLiaisons: boolean;
  forLeaders: boolean;
  enabled: boolean;
  createdAt: Date;
}

/** The township's group robots, oldest first. */
export async function listRobots(ctx: QueryContext): Promise<AdminRobot[]> {
  const rows = await ctx.db
    .select({
      id: robotConnections.id,
      kind: robotConnections.kind,
      name: robotConnections.name,
      webhookUrl: robotConnections.webhookUrl,
      secretSet: sql<boolean>`${robotConnections.secret} is not null`,
      forLiaisons: robotConnections.forLiaisons,
      forLeaders: robotConnections.forLeaders,
      enabled: robotConnections.enabled,
      createdAt: robotConnections.createdAt,
    })
    .from(robotConnections)
    .where(eq(robotConnections.orgId, ctx.orgId))
    .orderBy(asc(robotConnections.createdAt), asc(robotConnections.id));
  return rows.map(({ webhookUrl, ...row }) => ({ ...row, maskedUrl: maskWebhookUrl(webhookUrl) }));
}

export type DeliveryStatus = (typeof deliveryStatus.enumValues)[number];
export const DELIVERY_STATUSES = deliveryStatus.enumValues;

export interface DeliveryLogRow {
  id: string;
  createdAt: Date;
  kind: (typeof deliveries.$inferSelect)["kind"];
  channel: (typeof deliveries.$inferSelect)["channel"];
  recipient: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  sentAt: Date | null;
  lastResponse: string | null;
}

export const DELIVERY_LOG_LIMIT = 200;

/** The township's latest deliveries, newest first, optionally of one status. */
export async function listDeliveries(
  ctx: QueryContext,
  options: { status?: DeliveryStatus | null; limit?: number } = {},
): Promise<DeliveryLogRow[]> {
  return ctx.db
    .select({
      id: deliveries.id,
      createdAt: deliveries.createdAt,
      kind: deliveries.kind,
      channel: deliveries.channel,
      recipient: deliveries.recipient,
      subject: deliveries.subject,
      status: deliveries.status,
      attempts: deliveries.attempts,
      sentAt: deliveries.sentAt,
      lastResponse: deliveries.lastResponse,
    })
    .from(deliveries)
    .where(and(eq(deliveries.orgId, ctx.orgId), options.status ? eq(deliveries.status, options.status) : undefined))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(Math.min(options.limit ?? DELIVERY_LOG_LIMIT, DELIVERY_LOG_LIMIT));
}
