import "server-only";
import type { Tx } from "@/db/client";
import { recipientsAt, unitAudiences } from "./audience";
import { sendMessage, type NotificationKind } from "./outbox";
import type { EscalationLevel } from "./rules";
import { loadSchedule } from "./settings";

/** What one unit is told; with a level, those above the liaisons are told too (recipientsAt). */
export interface UnitNotice {
  unitId: string;
  /** The message key (unique per township with the recipient): the same notice is never queued twice. */
  key: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  level?: EscalationLevel | null;
  activitySupervisorId?: string | null;
}

/** The one group-robot message that lists the units told. */
export interface GroupSummary {
  key: string;
  kind: NotificationKind;
  title: string;
  link: string;
  body: (told: { unitId: string; unitName: string }[]) => string;
}

export interface TellOutcome {
  /** Units that had someone to tell. */
  told: string[];
  notified: number;
  deliveries: number;
}

/**
 * Tells each unit's people (bell, e-mail) and then the township's group
 * robots once, listing the units and @-mentioning the same people, so a group
 * is not sent one message per unit. Inside the caller's transaction.
 */
export async function tellUnits(tx: Tx, orgId: string, notices: UnitNotice[], summary: GroupSummary, now: Date): Promise<TellOutcome> {
  const outcome: TellOutcome = { told: [], notified: 0, deliveries: 0 };
  if (notices.length === 0) return outcome;
  const schedule = await loadSchedule(tx, orgId);
  const audiences = await unitAudiences(tx, orgId, notices.map((n) => n.unitId));
  const told: { unitId: string; unitName: string }[] = [];
  const mentions: string[] = [];
  let red = false;
  for (const notice of notices) {
    const audience = audiences.get(notice.unitId);
    if (!audience) continue;
    const to = recipientsAt(audience, notice.level ?? null, notice.activitySupervisorId ?? null);
    if (to.userIds.length === 0 && (to.emails ?? []).length === 0) continue;
    const sent = await sendMessage(
      tx,
      orgId,
      notice.key,
      { kind: notice.kind, title: notice.title, body: notice.body, link: notice.link, ...to, robots: null },
      schedule,
      now,
    );
    outcome.notified += sent.notified;
    outcome.deliveries += sent.deliveries;
    told.push({ unitId: audience.unitId, unitName: audience.unitName });
    mentions.push(...(to.mentions ?? []));
    red ||= notice.level === "red";
  }
  if (told.length > 0) {
    const sent = await sendMessage(
      tx,
      orgId,
      summary.key,
      { kind: summary.kind, title: summary.title, body: summary.body(told), link: summary.link, userIds: [], robots: red ? "all" : "liaisons", mentions },
      schedule,
      now,
    );
    outcome.deliveries += sent.deliveries;
  }
  outcome.told = told.map((t) => t.unitId);
  return outcome;
}

/** Unit names for a message: at most `max`, then 等 N 个单位. */
export function listedUnits(names: string[], max = 8): string {
  return names.length > max ? `${names.slice(0, max).join("、")} 等 ${names.length} 个单位` : names.join("、");
}
