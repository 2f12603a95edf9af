import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { activeLiaisons } from "@/db/notify";
import { units, users } from "@/db/schema";
import type { Message } from "./outbox";
import type { EscalationLevel } from "./rules";

/** Who stands behind a unit: its liaisons, its 责任人 (a name with a phone and e-mail) and its 分管领导. */
export interface UnitAudience {
  unitId: string;
  unitName: string;
  liaisonIds: string[];
  liaisonPhones: string[];
  responsible: { name: string | null; email: string | null; phone: string | null };
  supervisorId: string | null;
  supervisorPhone: string | null;
}

const supervisor = alias(users, "supervisor");

/** The audiences of the given units of one township (active liaisons only). */
export async function unitAudiences(tx: Tx, orgId: string, unitIds: string[]): Promise<Map<string, UnitAudience>> {
  const out = new Map<string, UnitAudience>();
  if (unitIds.length === 0) return out;
  const rows = await tx
    .select({
      unitId: units.id,
      unitName: units.name,
      responsiblePerson: units.responsiblePerson,
      responsibleEmail: units.responsibleEmail,
      phone: units.phone,
      supervisorId: supervisor.id,
      supervisorPhone: supervisor.phone,
    })
    .from(units)
    .leftJoin(supervisor, and(eq(supervisor.id, units.supervisorUserId), eq(supervisor.active, true)))
    .where(and(eq(units.orgId, orgId), inArray(units.id, [...new Set(unitIds)])));
  for (const r of rows) {
    out.set(r.unitId, {
      unitId: r.unitId,
      unitName: r.unitName,
      liaisonIds: [],
      liaisonPhones: [],
      responsible: { name: r.responsiblePerson, email: r.responsibleEmail, phone: r.phone },
      supervisorId: r.supervisorId,
      supervisorPhone: r.supervisorPhone,
    });
  }
  const liaisons = await activeLiaisons(tx, orgId, [...out.keys()]);
  for (const l of liaisons) {
    const audience = out.get(l.unitId);
    if (!audience) continue;
    audience.liaisonIds.push(l.userId);
    if (l.phone) audience.liaisonPhones.push(l.phone);
  }
  return out;
}

/**
 * Who a message at an escalation level reaches, each level further up:
 * blue (or none) the liaisons; yellow also the unit's 责任人; red also the
 * 分管领导 (the activity's, else the unit's). Robots @-mention the same people.
 */
export function recipientsAt(
  audience: UnitAudience,
  level: EscalationLevel | null,
  activitySupervisorId: string | null = null,
): Pick<Message, "userIds" | "emails" | "mentions" | "robots"> {
  const userIds = [...audience.liaisonIds];
  const emails: NonNullable<Message["emails"]> = [];
  const mentions = [...audience.liaisonPhones];
  if (level === "yellow" || level === "red") {
    const { name, email, phone } = audience.responsible;
    if (email) emails.push({ address: email, label: name ?? audience.unitName });
    if (phone) mentions.push(phone);
  }
  if (level === "red") {
    const leader = activitySupervisorId ?? audience.supervisorId;
    if (leader) userIds.push(leader);
    if (!activitySupervisorId && audience.supervisorPhone) mentions.push(audience.supervisorPhone);
  }
  return { userIds, emails, mentions, robots: level === "red" ? "all" : "liaisons" };
}
