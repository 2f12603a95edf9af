import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reachSettings } from "@/db/schema";
import { DEFAULT_SCHEDULE, type ReachSchedule } from "./rules";

type SettingsRow = typeof reachSettings.$inferSelect;

export function scheduleOf(row: SettingsRow | null | undefined): ReachSchedule {
  if (!row) return DEFAULT_SCHEDULE;
  const [blue = 0, yellow = 3, red = 7] = row.escalationDays;
  return {
    enabled: row.enabled,
    reminderDays: [...row.reminderDays].sort((a, b) => b - a),
    overdueNotice: row.overdueNotice,
    escalationDays: [blue, yellow, red],
    ackLimitHours: row.ackLimitHours,
    digestHour: row.digestHour,
    quietStartHour: row.quietStartHour,
    quietEndHour: row.quietEndHour,
  };
}

/** A township's reminder schedule; the defaults until an admin saves one. */
export async function loadSchedule(db: Queryable, orgId: string): Promise<ReachSchedule> {
  const [row] = await db.select().from(reachSettings).where(eq(reachSettings.orgId, orgId));
  return scheduleOf(row);
}

/**
 * Where deep links in outside messages point: PUBLIC_URL, else NEXTAUTH_URL
 * (both are the address people open, not the internal one).
 */
export function publicUrl(path: string | null): string | null {
  if (!path) return null;
  const base = (process.env.PUBLIC_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}
