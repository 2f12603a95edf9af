import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assignments } from "@/db/schema";
import { claimDispatches, messageKey, type DispatchItem } from "./outbox";
import { listedUnits, tellUnits, type UnitNotice } from "./tell-units";

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

  const stamp = now.toISOString();
  const notices: UnitNotice[] = [];
  const claimed: DispatchItem[] = [];
  const itemsOf = new Map<string, number>();
  for (const unit of withWork) {
    const items = await claimDispatches(
      tx,
      orgId,
      unit.assignmentIds.map((id) => ({ key: `assigned:${id}:${unit.unitId}:${stamp}`, kind: "assigned", assignmentId: id })),
    );
    if (items.length === 0) continue;
    claimed.push(...items);
    itemsOf.set(unit.unitId, items.length);
    notices.push({ unitId: unit.unitId, key: messageKey(items), kind: "assigned", title: unit.title, body: unit.body, link: unit.link });
  }
  const outcome = await tellUnits(
    tx,
    orgId,
    notices,
    {
      key: messageKey(claimed, ":robots"),
      kind: "assigned",
      title: summary.title,
      link: summary.link,
      body: (told) => {
        const count = told.reduce((n, t) => n + (itemsOf.get(t.unitId) ?? 0), 0);
        return `${listedUnits(told.map((t) => t.unitName))}共 ${count} 项任务，请各单位联络员及时签收并按时办理。`;
      },
    },
    now,
  );
  return outcome.notified;
}
