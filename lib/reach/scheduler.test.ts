import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, deliveries, dispatches, notifications, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { endOfShanghaiDay } from "@/lib/deadline-day";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { addOpenAssignment, newUnitWithLiaison } from "@/tests/helpers/reach-fixtures";
import { memberOf } from "@/tests/helpers/workflow";
import { runSchedule, runTownship } from "./scheduler";

const at = (day: string, time = "09:00") => new Date(`2026-${day}T${time}:00+08:00`);
const PUBLISHED = at("03-02");

let handle: DbHandle;
let orgId: string;
let leaderId: string;
let unit: Awaited<ReturnType<typeof newUnitWithLiaison>>;
let assignmentId: string;

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: PUBLISHED, shiftToYear: 2026, ...uniqueOrgOptions("sch") })).orgId;
  // The demo's past counts as told, as db/setup does for a new install.
  await runSchedule(handle.db, PUBLISHED, { recordOnly: true, orgIds: [orgId] });
  leaderId = (await memberOf(handle.db, orgId, "leader")).actor.userId;
  unit = await newUnitWithLiaison(handle.db, orgId);
  await handle.db
    .update(units)
    .set({ responsibleEmail: "zeren@example.test", supervisorUserId: leaderId })
    .where(and(eq(units.orgId, orgId), eq(units.id, unit.unitId)));
  ({ assignmentId } = await addOpenAssignment(handle.db, orgId, unit.unitId, {
    deadline: endOfShanghaiDay("2026-03-12"),
    publishedAt: PUBLISHED,
  }));
});

afterAll(async () => {
  await handle?.close();
});

const bell = (userId: string) =>
  handle.db
    .select({ kind: notifications.kind, title: notifications.title, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), like(notifications.link, `/tasks/${assignmentId}`)))
    .orderBy(asc(notifications.createdAt));

const mailTo = (address: string) =>
  handle.db
    .select({ subject: deliveries.subject, link: deliveries.link, notBefore: deliveries.notBefore })
    .from(deliveries)
    .where(and(eq(deliveries.orgId, orgId), eq(deliveries.channel, "email"), eq(deliveries.recipient, address)))
    .orderBy(asc(deliveries.createdAt));

describe("the scheduler, with the clock moved", () => {
  it("chases 签收, reminds 3 and 1 days ahead, tells the overdue day and escalates blue → yellow → red, each once", async () => {
    const ticks = [
      at("03-02", "20:00"),
      at("03-03"), // 24 h after publication: 签收 chase
      at("03-03", "18:00"),
      at("03-09"), // 3 days before
      at("03-09", "15:00"),
      at("03-11"), // 1 day before
      at("03-12", "23:00"),
      at("03-13"), // overdue, blue
      at("03-13", "12:00"),
      at("03-16"), // 3 days overdue: yellow
      at("03-17"),
      at("03-20"), // 7 days overdue: red
      at("03-20", "10:00"),
    ];
    for (const now of ticks) await runTownship(handle.db, orgId, now);

    const keys = await handle.db
      .select({ key: dispatches.key })
      .from(dispatches)
      .where(and(eq(dispatches.orgId, orgId), eq(dispatches.assignmentId, assignmentId)));
    expect(keys.map((k) => k.key.split(":").slice(0, 2).join(":")).sort()).toEqual(
      ["ack:" + assignmentId, "due:1", "due:3", "esc:blue", "esc:red", "esc:yellow", "overdue:" + assignmentId].sort(),
    );

    const liaisonBell = await bell(unit.liaisonId);
    expect(liaisonBell.map((n) => n.kind)).toEqual(["ack_chase", "due_soon", "due_soon", "escalation", "escalation", "escalation"]);
    expect(liaisonBell.map((n) => n.title)).toEqual([
      "请签收任务",
      "任务将于 3 天后到期",
      "任务将于 1 天后到期",
      "蓝色督办：任务已逾期",
      "黄色督办：任务已逾期",
      "红色督办：任务已逾期",
    ]);
    // The 分管领导 hears of it at red only; the 责任人 (no account) by e-mail from yellow on.
    expect((await bell(leaderId)).map((n) => n.title)).toEqual(["红色督办：任务已逾期"]);
    expect((await mailTo("zeren@example.test")).map((m) => m.subject)).toEqual(["黄色督办：任务已逾期", "红色督办：任务已逾期"]);
    const liaisonMail = await mailTo(unit.email);
    expect(liaisonMail).toHaveLength(6);
    expect(liaisonMail.every((m) => m.link?.endsWith(`/tasks/${assignmentId}`))).toBe(true);

    const escalations = await handle.db
      .select({ after: auditEvents.after, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.entityId, assignmentId), eq(auditEvents.action, "reach.escalate")));
    expect(escalations.map((e) => (e.after as { level: string }).level).sort()).toEqual(["blue", "red", "yellow"]);
    expect(escalations.every((e) => e.actor === null)).toBe(true);
  });

  it("sends the leaders' digest once a day, from the set hour", async () => {
    const digests = () =>
      handle.db
        .select({ key: dispatches.key })
        .from(dispatches)
        .where(and(eq(dispatches.orgId, orgId), like(dispatches.key, "digest:%")));
    const before = (await digests()).length;
    await runTownship(handle.db, orgId, at("04-01", "07:30"));
    expect((await digests()).length).toBe(before);
    await runTownship(handle.db, orgId, at("04-01", "08:00"));
    await runTownship(handle.db, orgId, at("04-01", "08:01"));
    await runTownship(handle.db, orgId, at("04-01", "17:00"));
    expect((await digests()).map((d) => d.key)).toContain("digest:2026-04-01");
    expect((await digests()).length).toBe(before + 1);
    const [digest] = await handle.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, leaderId), eq(notifications.title, "督办日报（2026-04-01）")));
    expect(digest!.body).toMatch(/逾期单位 \d+ 个/);
    expect(digest!.body).toContain("待审核");
  });

  it("announces a recurring task's next period on the day it opens, once", async () => {
    const monthly = await newUnitWithLiaison(handle.db, orgId, "月报村");
    const { assignmentId: id } = await addOpenAssignment(handle.db, orgId, monthly.unitId, {
      title: "报送安全生产月报（4月）",
      deadline: endOfShanghaiDay("2026-04-30"),
      publishedAt: PUBLISHED,
      acknowledged: true,
      periodStart: "2026-04-01",
    });
    const opened = () =>
      handle.db
        .select({ kind: notifications.kind, title: notifications.title })
        .from(notifications)
        .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, monthly.liaisonId), eq(notifications.link, `/tasks/${id}`)));
    await runTownship(handle.db, orgId, at("03-31", "18:00"));
    expect(await opened()).toEqual([]);
    await runTownship(handle.db, orgId, at("04-01", "09:00"));
    await runTownship(handle.db, orgId, at("04-01", "15:00"));
    expect(await opened()).toEqual([{ kind: "period_open", title: "新一期任务已开始" }]);
  });

  it("holds outside messages in quiet hours; the bell is immediate", async () => {
    const late = await newUnitWithLiaison(handle.db, orgId, "夜间村");
    const { assignmentId: id } = await addOpenAssignment(handle.db, orgId, late.unitId, {
      deadline: endOfShanghaiDay("2026-05-04"),
      publishedAt: at("04-20"),
      acknowledged: true,
    });
    await runTownship(handle.db, orgId, at("05-01", "23:30"));
    const [mail] = await mailTo(late.email);
    expect(mail!.notBefore.toISOString()).toBe(at("05-02", "07:00").toISOString());
    const [note] = await handle.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, late.liaisonId), eq(notifications.link, `/tasks/${id}`)));
    expect(note?.kind).toBe("due_soon");
  });
});
