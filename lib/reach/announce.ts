import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assignments } from "@/db/schema";
import { unitAudiences } from "./audience";
import { claimDispatches, messageKey, sendMessage, type DispatchItem } from "./outbox";
import { loadSchedule } from "./settings";

/** What one unit is told when work is published to it. */
export interface UnitAnnouncement {
  unitId: string;
  assignmentIds: string[];
  title: string;
  body: string;
  link: string;
}

/**
 * Work reaches units: starts each assignment's 签收 clock (publishedAt), and
 * tells each unit's liaisons in the bell and by e-mail, and the liaisons'
 * group robots once with a summary. Inside the caller's transaction.
 */
export async function announceAssignments(
  tx: Tx,
  orgId: string,
  units: UnitAnnouncement[],
  summary: { title: string; link: string },
  now = new Date(),
): Promise<number> {
  const withWork = units.filter((u) => u.assignmentIds.length > 0);
  if (withWork.length === 0) return 0;
  const allIds = withWork.flatMap((u) => u.assignmentIds);
  await tx
    .update(assignments)
    .set({ publishedAt: now })
    .where(and(eq(assignments.orgId, orgId), inArray(assignments.id, allIds), isNull(assignments.publishedAt)));

  const schedule = await loadSchedule(tx, orgId);
  const audiences = await unitAudiences(tx, orgId, withWork.map((u) => u.unitId));
  const stamp = now.toISOString();
  let notified = 0;
  const told: { name: string; items: DispatchItem[] }[] = [];
  for (const unit of withWork) {
    const audience = audiences.get(unit.unitId);
    if (!audience || audience.liaisonIds.length === 0) continue;
    const items = await claimDispatches(
      tx,
      orgId,
      unit.assignmentIds.map((id) => ({ key: `assigned:${id}:${unit.unitId}:${stamp}`, kind: "assigned", assignmentId: id })),
    );
    if (items.length === 0) continue;
    const outcome = await sendMessage(
      tx,
      orgId,
      messageKey(items),
      { kind: "assigned", title: unit.title, body: unit.body, link: unit.link, userIds: audience.liaisonIds, robots: null },
      schedule,
      now,
    );
    notified += outcome.notified;
    told.push({ name: audience.unitName, items });
  }
  if (told.length > 0) {
    const items = told.flatMap((t) => t.items);
    const names = told.map((t) => t.name);
    const listed = names.length > 8 ? `${names.slice(0, 8).join("、")} 等 ${names.length} 个单位` : names.join("、");
    await sendMessage(
      tx,
      orgId,
      messageKey(items, ":robots"),
      {
        kind: "assigned",
        title: summary.title,
        body: `${listed}共 ${items.length} 项任务，请各单位联络员及时签收并按时办理。`,
        link: summary.link,
        userIds: [],
        robots: "liaisons",
      },
      schedule,
      now,
    );
  }
  return notified;
}
