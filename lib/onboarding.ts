/**
 * Platform-operator commands, run from the CLI (db/onboard.ts) rather than the
 * UI: a new township under a county with its first admin, and county accounts.
 * Each runs in one transaction with an audit row; a refusal writes nothing.
 */
import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { auditEvents, memberships, organizations, users } from "../db/schema";

/** A refusal the operator can act on; the CLI prints only its message. */
export class OnboardingError extends Error {}

const code = z.string().trim().regex(/^[0-9A-Za-z-]{2,32}$/, "代码只能包含字母、数字和连字符（2–32 位）");
const username = z.string().trim().regex(/^[A-Za-z0-9._-]{2,40}$/, "用户名只能包含字母、数字、点、下划线和连字符（2–40 位）");
const displayName = z.string().trim().min(1, "姓名不能为空").max(60);

const townshipInput = z.object({
  countyCode: code,
  /** When given and the county does not exist yet, it is created. */
  countyName: z.string().trim().min(1).max(60).optional(),
  code,
  name: z.string().trim().min(1, "乡镇名称不能为空").max(60),
  shortCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,8}$/, "简码应为 2–8 位大写字母或数字"),
  adminUsername: username,
  adminName: displayName,
  adminPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, "手机号应为 11 位数字")
    .optional(),
});
export type OnboardTownshipInput = z.input<typeof townshipInput>;

const countyUserInput = z.object({
  countyCode: code,
  username,
  displayName,
  role: z.enum(["county_leader", "county_auditor"]),
});
export type CreateCountyUserInput = z.input<typeof countyUserInput>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new OnboardingError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("；"));
}

// No 0/O, 1/l/I: the password is read off a screen and typed in once.
const ALPHABETS = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789"] as const;

/** A 12-character temporary password with upper case, lower case and digits. */
export function temporaryPassword(): string {
  const all = ALPHABETS.join("");
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

async function assertUserFree(tx: Tx, name: string, phone: string | null): Promise<void> {
  const [taken] = await tx
    .select({ username: users.username })
    .from(users)
    .where(phone ? or(eq(users.username, name), eq(users.phone, phone)) : eq(users.username, name))
    .limit(1);
  if (taken) throw new OnboardingError(taken.username === name ? `用户名 ${name} 已被使用` : `手机号 ${phone} 已被使用`);
}

async function findCounty(tx: Tx, countyCode: string) {
  const [county] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.code, countyCode), eq(organizations.kind, "county")))
    .limit(1);
  return county ?? null;
}

export interface OnboardedTownship {
  countyId: string;
  countyCreated: boolean;
  orgId: string;
  adminUserId: string;
  /** Shown once; the admin must change it at first sign-in. */
  temporaryPassword: string;
}

/** Creates a township under a county (and the county when `countyName` is given) with its first admin. */
export async function onboardTownship(db: Db, raw: OnboardTownshipInput): Promise<OnboardedTownship> {
  const input = parse(townshipInput, raw);
  const password = temporaryPassword();
  const passwordHash = await bcrypt.hash(password, 10);
  return db.transaction(async (tx) => {
    let county = await findCounty(tx, input.countyCode);
    let countyCreated = false;
    if (!county) {
      if (!input.countyName) throw new OnboardingError(`未找到代码为 ${input.countyCode} 的县；如需新建，请同时给出 --county-name`);
      await assertCodeFree(tx, input.countyCode);
      const [created] = await tx
        .insert(organizations)
        .values({ kind: "county", code: input.countyCode, name: input.countyName, shortCode: input.shortCode })
        .returning({ id: organizations.id, name: organizations.name });
      county = created!;
      countyCreated = true;
    }
    await assertCodeFree(tx, input.code);
    await assertUserFree(tx, input.adminUsername, input.adminPhone ?? null);

    const [org] = await tx
      .insert(organizations)
      .values({ kind: "township", parentId: county.id, code: input.code, name: input.name, shortCode: input.shortCode })
      .returning({ id: organizations.id });
    const orgId = org!.id;
    const [admin] = await tx
      .insert(users)
      .values({
        username: input.adminUsername,
        displayName: input.adminName,
        phone: input.adminPhone ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    const adminUserId = admin!.id;
    await tx.insert(memberships).values({ orgId, userId: adminUserId, role: "admin" });
    await tx.insert(auditEvents).values({
      orgId,
      actorUserId: null,
      action: "org.onboard",
      entityType: "organization",
      entityId: orgId,
      after: { county: { code: input.countyCode, name: county.name, created: countyCreated }, code: input.code, name: input.name, shortCode: input.shortCode, admin: input.adminUsername },
      system: true,
    });
    return { countyId: county.id, countyCreated, orgId, adminUserId, temporaryPassword: password };
  });
}

async function assertCodeFree(tx: Tx, orgCode: string): Promise<void> {
  const [taken] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.code, orgCode)).limit(1);
  if (taken) throw new OnboardingError(`代码 ${orgCode} 已被 ${taken.name} 使用`);
}

export interface CreatedCountyUser {
  countyId: string;
  userId: string;
  temporaryPassword: string;
}

/** A county leader or auditor: read-only over the county's townships. */
export async function createCountyUser(db: Db, raw: CreateCountyUserInput): Promise<CreatedCountyUser> {
  const input = parse(countyUserInput, raw);
  const password = temporaryPassword();
  const passwordHash = await bcrypt.hash(password, 10);
  return db.transaction(async (tx) => {
    const county = await findCounty(tx, input.countyCode);
    if (!county) throw new OnboardingError(`未找到代码为 ${input.countyCode} 的县`);
    await assertUserFree(tx, input.username, null);
    const [user] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, passwordHash, mustChangePassword: true })
      .returning({ id: users.id });
    const userId = user!.id;
    await tx.insert(memberships).values({ orgId: county.id, userId, role: input.role });
    await tx.insert(auditEvents).values({
      orgId: county.id,
      actorUserId: null,
      action: "user.create",
      entityType: "user",
      entityId: userId,
      after: { username: input.username, displayName: input.displayName, role: input.role },
      system: true,
    });
    return { countyId: county.id, userId, temporaryPassword: password };
  });
}
