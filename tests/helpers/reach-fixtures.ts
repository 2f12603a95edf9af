import type { Db } from "@/db/client";
import { activities, assignments, campaigns, memberships, tasks, units, users } from "@/db/schema";

/**
 * One open assignment of a new active campaign, published at `publishedAt`,
 * so a test of the scheduler knows exactly what it is owed and when.
 */
export async function addOpenAssignment(
  db: Db,
  orgId: string,
  unitId: string,
  options: {
    deadline: Date;
    publishedAt: Date;
    title?: string;
    acknowledged?: boolean;
    ackLimitHours?: number | null;
    /** A later period of a recurring task (monthly report), opening on this day. */
    periodStart?: string;
  },
) {
  const [campaign] = await db
    .insert(campaigns)
    .values({ orgId, name: `提醒测试活动 ${crypto.randomUUID().slice(0, 6)}`, startsOn: "2026-01-01", endsOn: "2026-12-31", status: "active" })
    .returning({ id: campaigns.id });
  const [activity] = await db
    .insert(activities)
    .values({ orgId, campaignId: campaign!.id, title: "提醒测试", position: 1 })
    .returning({ id: activities.id });
  const [task] = await db
    .insert(tasks)
    .values({
      orgId,
      campaignId: campaign!.id,
      activityId: activity!.id,
      title: options.title ?? "报送排查台账",
      deadline: options.deadline,
      applicableUnitKinds: ["village"],
      evidenceRequired: [],
      ackLimitHours: options.ackLimitHours ?? null,
      ...(options.periodStart ? { recurrence: "monthly" as const, seriesId: crypto.randomUUID(), periodStart: options.periodStart } : {}),
    })
    .returning({ id: tasks.id });
  const [assignment] = await db
    .insert(assignments)
    .values({
      orgId,
      taskId: task!.id,
      unitId,
      publishedAt: options.publishedAt,
      acknowledgedAt: options.acknowledged ? options.publishedAt : null,
    })
    .returning({ id: assignments.id });
  return { campaignId: campaign!.id, activityId: activity!.id, taskId: task!.id, assignmentId: assignment!.id };
}

/** A new village with one liaison (e-mail and phone set), so that only the test's own work concerns it. */
export async function newUnitWithLiaison(db: Db, orgId: string, label = "提醒测试村") {
  const tag = crypto.randomUUID().slice(0, 8);
  const [unit] = await db
    .insert(units)
    .values({ orgId, kind: "village", code: `R-${tag}`, name: `${label}${tag.slice(0, 4)}`, responsiblePerson: "王主任", phone: "13900000001" })
    .returning({ id: units.id, name: units.name });
  const [user] = await db
    .insert(users)
    .values({ username: `reach-${tag}`, displayName: "测试联络员", passwordHash: "x", email: `lx-${tag}@example.test`, phone: `137${tag.replace(/\D/g, "0").slice(0, 8).padEnd(8, "0")}` })
    .returning({ id: users.id, email: users.email, phone: users.phone });
  await db.insert(memberships).values({ orgId, userId: user!.id, role: "liaison", unitId: unit!.id });
  return { unitId: unit!.id, unitName: unit!.name, liaisonId: user!.id, email: user!.email!, phone: user!.phone! };
}
