/**
 * The demo township (丰都县许明寺镇): its units, accounts and memberships.
 *
 * Every name and phone number here is fictional. Another township can be
 * seeded beside the demo (tests) with its own org code, short code and a
 * username prefix; user phone numbers (globally unique, usable as a login)
 * are only given to the accounts of the unprefixed demo township, the others
 * have none, so two seeded townships can never collide on them.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { memberships, organizations, units, users } from "../schema";
import type { UnitKind } from "../../lib/campaign-template";
import { insertChunked } from "./util";

export const DEMO_PASSWORD = "Duban@2020";

export interface TownshipOptions {
  /** Statistical division code of the township, e.g. 500230104. */
  orgCode: string;
  orgName: string;
  /** Prefix of unit codes and hazard numbers, e.g. XMS. */
  shortCode: string;
  /** Prepended to every username ("" for the demo township). */
  usernamePrefix: string;
}

export const DEMO_TOWNSHIP: TownshipOptions = {
  orgCode: "500230104",
  orgName: "许明寺镇",
  shortCode: "XMS",
  usernamePrefix: "",
};

const COUNTY = { code: "500230", name: "丰都县", shortCode: "FD" };
/** The short code the bundled templates use for owner units (XMS-D02 …). */
export const TEMPLATE_SHORT_CODE = "XMS";

interface UnitSpec {
  kind: UnitKind;
  /** Village/community: last digits of the division code; others: D01 / E01. */
  suffix: string;
  /** "{town}" is replaced by the township's name, "{place}" by that name without 镇/乡. */
  name: string;
  head: string;
  liaison: string;
}

const UNIT_SPECS: UnitSpec[] = [
  { kind: "community", suffix: "002", name: "{place}社区居委会", head: "陈国华", liaison: "刘晓梅" },
  { kind: "village", suffix: "204", name: "青杠村", head: "王德明", liaison: "王小琴" },
  { kind: "village", suffix: "207", name: "石龙村", head: "李志强", liaison: "张丽" },
  { kind: "village", suffix: "208", name: "白鹤村", head: "周光荣", liaison: "谭春燕" },
  { kind: "village", suffix: "210", name: "松林村", head: "冉启军", liaison: "秦梅" },
  { kind: "village", suffix: "211", name: "观音岩村", head: "黄永贵", liaison: "向丽娟" },
  { kind: "village", suffix: "212", name: "龙潭村", head: "杨世平", liaison: "何静" },
  { kind: "department", suffix: "D01", name: "党政办", head: "谭文斌", liaison: "曾雪" },
  { kind: "department", suffix: "D02", name: "应急办（安监办）", head: "彭建军", liaison: "马骏" },
  { kind: "department", suffix: "D03", name: "{place}派出所", head: "罗勇", liaison: "胡涛" },
  { kind: "department", suffix: "D04", name: "规划建设环保办", head: "邓明", liaison: "唐磊" },
  { kind: "department", suffix: "D05", name: "农业服务中心", head: "蒋学文", liaison: "吴芳" },
  { kind: "school", suffix: "D06", name: "{town}中心校", head: "秦永红", liaison: "熊敏" },
  { kind: "department", suffix: "D07", name: "{town}卫生院", head: "付晓东", liaison: "袁媛" },
  { kind: "department", suffix: "D08", name: "社会事务办", head: "余海燕", liaison: "钟琳" },
  { kind: "department", suffix: "D09", name: "财政所", head: "江涛", liaison: "程红" },
  { kind: "department", suffix: "D10", name: "交通管理站", head: "牟小兵", liaison: "段鹏" },
  { kind: "enterprise", suffix: "E01", name: "丰都县瑞丰石油{place}加油站", head: "郑宏伟", liaison: "邱亮" },
  { kind: "enterprise", suffix: "E02", name: "{town}鸿福烟花爆竹零售点", head: "任福生", liaison: "任小燕" },
  { kind: "enterprise", suffix: "E03", name: "丰都县安泰液化气站", head: "蔡友良", liaison: "蔡文" },
  { kind: "enterprise", suffix: "E04", name: "丰都县林盛木材加工厂", head: "陶贵林", liaison: "陶明" },
  { kind: "enterprise", suffix: "E05", name: "重庆建和建筑工程有限公司{place}场镇改造项目部", head: "范建华", liaison: "孔磊" },
  { kind: "enterprise", suffix: "E06", name: "丰都县绿源生猪养殖场", head: "汪长富", liaison: "汪霞" },
];

export interface SeedUnit {
  id: string;
  kind: UnitKind;
  code: string;
  /** The unit's code in the demo township, which the bundled templates refer to. */
  templateCode: string;
  name: string;
  responsiblePerson: string;
}

export interface SeedTownship {
  orgId: string;
  units: SeedUnit[];
  adminId: string;
  leaderId: string;
  auditorId: string;
  /** Unit id → its liaison's user id. */
  liaisonByUnitId: Map<string, string>;
  /** Username → role and unit, for reports. */
  accounts: { username: string; role: "admin" | "leader" | "liaison" | "auditor"; unitName: string | null }[];
}

const isDivision = (kind: UnitKind) => kind === "village" || kind === "community";
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The county (created when absent) and the township, its units, users and memberships. */
export async function insertTownship(
  tx: Tx,
  town: TownshipOptions,
  passwordHash: string,
  countyAccounts: boolean,
): Promise<SeedTownship> {
  // Insert-or-nothing first: two townships seeded at once (parallel tests) must not race on the county.
  await tx.insert(organizations).values({ kind: "county", ...COUNTY }).onConflictDoNothing({ target: organizations.code });
  const [county] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.code, COUNTY.code))
    .limit(1);
  if (!county) throw new Error(`county ${COUNTY.code} missing after insert`);
  const countyId = county.id;
  const orgId = crypto.randomUUID();
  await tx.insert(organizations).values({
    id: orgId,
    parentId: countyId,
    kind: "township",
    name: town.orgName,
    code: town.orgCode,
    shortCode: town.shortCode,
  });

  const place = town.orgName.replace(/[镇乡]$/, "");
  const seedUnits = UNIT_SPECS.map((spec, i) => {
    const divisionCode = (prefix: string, sep: string) => `${prefix}${sep}${spec.suffix}`;
    return {
      spec,
      unit: {
        id: crypto.randomUUID(),
        kind: spec.kind,
        code: isDivision(spec.kind) ? divisionCode(town.orgCode, "") : divisionCode(town.shortCode, "-"),
        templateCode: isDivision(spec.kind) ? divisionCode(DEMO_TOWNSHIP.orgCode, "") : divisionCode(TEMPLATE_SHORT_CODE, "-"),
        name: spec.name.replaceAll("{town}", town.orgName).replaceAll("{place}", place),
        responsiblePerson: spec.head,
      } satisfies SeedUnit,
      phone: `138${town.orgCode.slice(-4)}${pad(i + 1, 4)}`,
    };
  });
  await insertChunked(
    tx,
    units,
    seedUnits.map(({ unit, phone }) => ({
      orgId,
      id: unit.id,
      kind: unit.kind,
      code: unit.code,
      name: unit.name,
      responsiblePerson: unit.responsiblePerson,
      phone,
    })),
  );

  const prefix = town.usernamePrefix;
  // Phones only for the demo township's accounts (see the header comment).
  const phone = (n: number) => (prefix === "" ? `1392301${pad(n, 4)}` : null);
  const staff = [
    { role: "admin" as const, username: "admin", displayName: "系统管理员" },
    { role: "leader" as const, username: "leader", displayName: "刘正华（镇安委办）" },
    { role: "auditor" as const, username: "auditor", displayName: "赵敏（督查室）" },
  ].map((s, i) => ({ ...s, id: crypto.randomUUID(), username: prefix + s.username, phone: phone(i + 1), unitId: null }));
  const liaisons = seedUnits.map(({ spec, unit }, i) => ({
    role: "liaison" as const,
    id: crypto.randomUUID(),
    username: prefix + (isDivision(spec.kind) ? `lx${spec.suffix}` : `lx-${spec.suffix.toLowerCase()}`),
    displayName: spec.liaison,
    phone: phone(101 + i),
    unitId: unit.id,
    unitName: unit.name,
  }));
  const accounts = [...staff, ...liaisons];

  await insertChunked(
    tx,
    users,
    accounts.map((a) => ({ id: a.id, username: a.username, phone: a.phone, displayName: a.displayName, passwordHash })),
  );
  await insertChunked(
    tx,
    memberships,
    accounts.map((a) => ({ orgId, userId: a.id, role: a.role, unitId: a.unitId })),
  );

  if (countyAccounts) await insertCountyAccounts(tx, countyId, prefix, passwordHash);

  const [admin, leader, auditor] = staff;
  if (!admin || !leader || !auditor) throw new Error("unreachable: staff accounts");
  return {
    orgId,
    units: seedUnits.map((s) => s.unit),
    adminId: admin.id,
    leaderId: leader.id,
    auditorId: auditor.id,
    liaisonByUnitId: new Map(liaisons.map((l) => [l.unitId, l.id])),
    accounts: [
      ...staff.map((s) => ({ username: s.username, role: s.role, unitName: null })),
      ...liaisons.map((l) => ({ username: l.username, role: l.role, unitName: l.unitName })),
    ],
  };
}

/**
 * The county's two read-only accounts, made with its first seeded township;
 * a later township of the same county (same prefix) finds them already there.
 */
async function insertCountyAccounts(tx: Tx, countyId: string, prefix: string, passwordHash: string): Promise<void> {
  const accounts = [
    { role: "county_leader" as const, username: `${prefix}county`, displayName: "何建国（县安委办）" },
    { role: "county_auditor" as const, username: `${prefix}county-auditor`, displayName: "孙丽（县应急局督查科）" },
  ];
  for (const account of accounts) {
    const [user] = await tx
      .insert(users)
      .values({ username: account.username, displayName: account.displayName, passwordHash })
      .onConflictDoNothing({ target: users.username })
      .returning({ id: users.id });
    if (user) await tx.insert(memberships).values({ orgId: countyId, userId: user.id, role: account.role });
  }
}
