/**
 * The rest of a lived-in township: two rows of the hazard register and the
 * liaisons' notifications. Dates are relative to `now` so that the demo looks
 * current whenever it is seeded. A returned task's notice links to the task;
 * the others fall back to the notification list's target for their kind.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { assignments, extensionRequests, hazards, notifications } from "../schema";
import type { CreatedCampaign } from "./campaigns";
import type { ReturnedAssignment } from "./status-spread";
import type { SeedTownship } from "./township";
import { DAY_MS, HOUR_MS, atShanghai, endOfDayShanghai, insertChunked, shanghaiDate, unitHash } from "./util";

export interface RegisterInput {
  orgId: string;
  shortCode: string;
  now: Date;
  township: SeedTownship;
  campaigns: readonly CreatedCampaign[];
  returned: readonly ReturnedAssignment[];
}

export async function insertRegisterAndNotifications(
  tx: Tx,
  input: RegisterInput,
): Promise<{ hazards: number; notifications: number; extensionRequests: number }> {
  const { orgId, now, township } = input;
  const village = township.units.find((u) => u.kind === "village");
  const gasStation = township.units.find((u) => u.templateCode === `XMS-E01`);
  if (!village || !gasStation) throw new Error("seed: the demo units are missing");
  const day = (offset: number) => shanghaiDate(new Date(now.getTime() + offset * DAY_MS));

  // The village's 查找身边隐患 assignment, when the campaign has one.
  const nearbyTaskIds = new Set(
    input.campaigns.flatMap((c) => c.tasks.filter((t) => t.key === "find-hazards-nearby").map((t) => t.id)),
  );
  const nearby = input.campaigns
    .flatMap((c) => c.assignments)
    .find((a) => a.unitId === village.id && nearbyTaskIds.has(a.taskId));

  const sequence = new Map<string, number>();
  const number = (foundOn: string) => {
    const year = foundOn.slice(0, 4);
    const n = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, n);
    return `${input.shortCode}-${year}-${String(n).padStart(4, "0")}`;
  };

  const villageFound = day(-9);
  const gasFound = day(-2);
  const villageLiaison = township.liaisonByUnitId.get(village.id) ?? null;
  const villageHazardId = crypto.randomUUID();
  await insertChunked(tx, hazards, [
    {
      orgId,
      id: villageHazardId,
      number: number(villageFound),
      title: `${village.name}3组农房电气线路老化、私拉乱接`,
      description: "入户排查发现3组王家湾4户农房电线老化破损，厨房与柴房之间私拉乱接电线，未安装漏电保护器。",
      unitId: village.id,
      location: `${village.name}3组王家湾`,
      industry: "农村自建房",
      level: "general",
      source: "self_inspection",
      foundOn: villageFound,
      foundBy: villageLiaison,
      assignmentId: nearby?.id ?? null,
      measures: "更换老化线路，规范敷设电线，加装漏电保护器；整改前告知住户停用大功率电器。",
      interimMeasures: "已张贴安全提示，村网格员每日巡查。",
      funds: "1800.00",
      responsibleUnitId: village.id,
      responsiblePerson: village.responsiblePerson,
      rectificationDeadline: day(21),
      status: "rectifying",
      createdAt: atShanghai(villageFound, "15:20:00"),
      updatedAt: atShanghai(day(-7), "10:05:00"),
    },
    {
      orgId,
      id: crypto.randomUUID(),
      number: number(gasFound),
      title: "加油站卸油区静电接地装置损坏，罐区旁堆放杂物",
      description: "群众通过12350举报投诉热线反映：加油站卸油区静电接地报警器损坏未修复，油罐区旁堆放废旧轮胎和纸箱等可燃物。",
      unitId: gasStation.id,
      location: `${gasStation.name}卸油区`,
      industry: "危险化学品（成品油零售）",
      level: "major",
      source: "hotline_12350",
      foundOn: gasFound,
      foundBy: township.leaderId,
      interimMeasures: "已责令暂停卸油作业，清理罐区可燃物，设置警戒标识。",
      responsibleUnitId: gasStation.id,
      responsiblePerson: gasStation.responsiblePerson,
      rectificationDeadline: day(5),
      status: "reported",
      createdAt: atShanghai(gasFound, "10:40:00"),
      updatedAt: atShanghai(gasFound, "10:40:00"),
    },
  ]);

  const rows: (typeof notifications.$inferInsert)[] = [];
  // "You have new tasks" for the most recently issued campaign.
  const issued = input.campaigns.filter((c) => c.createdAt.getTime() <= now.getTime());
  const latest = issued.reduce<CreatedCampaign | undefined>(
    (best, c) => (!best || c.createdAt.getTime() > best.createdAt.getTime() ? c : best),
    undefined,
  );
  if (latest) {
    const perUnit = new Map<string, number>();
    for (const a of latest.assignments) perUnit.set(a.unitId, (perUnit.get(a.unitId) ?? 0) + 1);
    const stableCode = new Map(township.units.map((u) => [u.id, u.templateCode]));
    for (const [unitId, count] of perUnit) {
      const userId = township.liaisonByUnitId.get(unitId);
      if (!userId) continue;
      const readAfter = unitHash(`${latest.templateKey}/${stableCode.get(unitId)}`) < 0.7 ? 3 * HOUR_MS : null;
      rows.push({
        orgId,
        userId,
        kind: "assigned",
        title: `新任务：${latest.name}`,
        body: `您单位有${count}项任务，请按时完成并上传佐证材料。`,
        createdAt: latest.createdAt,
        readAt: readAfter === null ? null : new Date(Math.min(latest.createdAt.getTime() + readAfter, now.getTime())),
      });
    }
  }
  for (const r of input.returned) {
    const userId = township.liaisonByUnitId.get(r.unitId);
    if (!userId) continue;
    rows.push({
      orgId,
      userId,
      kind: "returned",
      title: `任务被退回：${r.taskTitle}`,
      body: `退回原因：${r.reason}`,
      link: `/tasks/${r.assignmentId}`,
      createdAt: r.returnedAt,
    });
  }
  if (villageLiaison) {
    rows.push({
      orgId,
      userId: villageLiaison,
      kind: "hazard_assigned",
      title: `隐患整改：${village.name}3组农房电气线路老化、私拉乱接`,
      body: `请于${day(21)}前完成整改并上传整改后照片。`,
      createdAt: atShanghai(day(-7), "10:05:00"),
    });
  }
  await insertChunked(tx, notifications, rows);
  const extensions = await insertPendingExtensions(tx, input);
  return { hazards: 2, notifications: rows.length, extensionRequests: extensions };
}

const EXTENSION_REASONS = [
  "企业负责人外出参加县里培训，自查报告需其签字确认，申请延后一周提交。",
  "设备停产检修期间无法组织全员演练，检修结束后立即补开并上传照片。",
  "第三方检测机构的检测报告尚未出具，需待报告出具后一并提交佐证材料。",
];

/**
 * A few 延期申请 waiting for a leader: for three enterprises, the open
 * assignment that fell overdue most recently (within two months), else the one due
 * next, so the review page has something to decide and approving one lifts an overdue.
 */
async function insertPendingExtensions(tx: Tx, input: RegisterInput): Promise<number> {
  const { orgId, now, township } = input;
  const enterprises = township.units.filter((u) => u.kind === "enterprise").slice(1, 4);
  const candidates = input.campaigns
    .flatMap((c) => c.assignments)
    .filter(
      (a) =>
        enterprises.some((u) => u.id === a.unitId) && a.deadline.getTime() - now.getTime() <= 30 * DAY_MS,
    );
  if (candidates.length === 0) return 0;
  const open = new Set(
    (
      await tx
        .select({ id: assignments.id })
        .from(assignments)
        .where(
          and(
            eq(assignments.orgId, orgId),
            inArray(
              assignments.id,
              candidates.map((a) => a.id),
            ),
            inArray(assignments.status, ["pending", "returned"]),
          ),
        )
    ).map((r) => r.id),
  );
  const rows: (typeof extensionRequests.$inferInsert)[] = [];
  for (const [i, unit] of enterprises.entries()) {
    const mine = candidates.filter((a) => a.unitId === unit.id && open.has(a.id));
    const late = mine.filter((a) => {
      const pastBy = now.getTime() - a.deadline.getTime();
      return pastBy > 0 && pastBy <= 60 * DAY_MS;
    });
    const byCloseness = (x: { deadline: Date }, y: { deadline: Date }) =>
      Math.abs(x.deadline.getTime() - now.getTime()) - Math.abs(y.deadline.getTime() - now.getTime());
    const target = (late.length > 0 ? late : mine).sort(byCloseness)[0];
    const requestedBy = township.liaisonByUnitId.get(unit.id);
    if (!target || !requestedBy) continue;
    const later = Math.max(target.deadline.getTime(), now.getTime()) + (7 + 3 * i) * DAY_MS;
    rows.push({
      orgId,
      assignmentId: target.id,
      requestedBy,
      requestedDeadline: endOfDayShanghai(shanghaiDate(new Date(later))),
      reason: EXTENSION_REASONS[i % EXTENSION_REASONS.length] ?? "",
      createdAt: new Date(now.getTime() - (6 + 5 * i) * HOUR_MS),
    });
  }
  await insertChunked(tx, extensionRequests, rows);
  return rows.length;
}
