import { and, asc, eq, like, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, campaigns, memberships, organizations, users } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import type { Role } from "@/lib/auth/permissions";
import { rowsOf, uniqueOrgOptions } from "../helpers/db";
import { liaisonOf, memberOf } from "../helpers/workflow";
import { orgTables } from "./fingerprint";

/** Who a case runs as: signed out, a member of township A or B, or a county account. */
export interface Persona {
  key: string;
  actor: Actor | null;
  role: Role | null;
  /** "A" is the township that owns every fixture; "B" and "county" are other tenants. */
  home: "none" | "A" | "B" | "county";
  unitId: string | null;
}

export interface Township {
  orgId: string;
  code: string;
  shortCode: string;
  name: string;
  prefix: string;
  /** The unit of the liaison persona (unit X) and of the "other unit" liaison (unit Y). */
  unitX: string;
  unitY: string;
  campaignId: string;
  activityId: string;
}

export interface World {
  db: Db;
  a: Township;
  b: Township;
  personas: Persona[];
  persona(key: string): Persona;
}

async function township(db: Db, label: string): Promise<Township> {
  const options = uniqueOrgOptions(label);
  const { orgId } = await seedDemoTownship(db, { shiftToYear: Number(new Date().toISOString().slice(0, 4)), ...options });
  const x = await liaisonOf(db, orgId, "石龙村");
  const y = await liaisonOf(db, orgId, "白鹤村");
  const [campaign] = await db
    .select({ id: campaigns.id, activityId: activities.id })
    .from(campaigns)
    .innerJoin(activities, and(eq(activities.orgId, campaigns.orgId), eq(activities.campaignId, campaigns.id)))
    .where(and(eq(campaigns.orgId, orgId), eq(campaigns.status, "active")))
    .orderBy(asc(campaigns.name), asc(activities.position))
    .limit(1);
  return {
    orgId,
    code: options.orgCode,
    shortCode: options.shortCode,
    name: options.orgName,
    prefix: options.usernamePrefix,
    unitX: x.unitId!,
    unitY: y.unitId!,
    campaignId: campaign!.id,
    activityId: campaign!.activityId,
  };
}

async function membersOf(db: Db, t: Township, home: "A" | "B"): Promise<Persona[]> {
  const staff = await Promise.all(
    (["admin", "leader", "auditor"] as const).map(async (role) => ({ role, actor: (await memberOf(db, t.orgId, role)).actor, unitId: null })),
  );
  const x = await liaisonOf(db, t.orgId, "石龙村");
  const people = [...staff, { role: "liaison" as const, actor: x.actor, unitId: x.unitId }];
  const personas: Persona[] = people.map((p) => ({ key: `${home}.${p.role}`, home, ...p }));
  if (home === "A") {
    const y = await liaisonOf(db, t.orgId, "白鹤村");
    personas.push({ key: "A.liaison-of-another-unit", home, role: "liaison", actor: y.actor, unitId: y.unitId });
  }
  return personas;
}

/** The county's accounts made with township A (prefixed like A's usernames). */
async function countyPersonas(db: Db, t: Township): Promise<Persona[]> {
  const rows = await db
    .select({ userId: users.id, orgId: memberships.orgId, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(like(users.username, `${t.prefix}county%`), eq(organizations.kind, "county")))
    .orderBy(asc(memberships.role));
  return rows.map((r) => ({ key: `county.${r.role}`, home: "county", role: r.role, actor: { userId: r.userId, orgId: r.orgId }, unitId: null }));
}

/** Two seeded townships with the same demo data, and everyone a case can run as. */
export async function buildWorld(db: Db): Promise<World> {
  const a = await township(db, "a");
  const b = await township(db, "b");
  const personas: Persona[] = [
    { key: "signed-out", home: "none", role: null, actor: null, unitId: null },
    ...(await membersOf(db, a, "A")),
    ...(await membersOf(db, b, "B")),
    ...(await countyPersonas(db, a)),
  ];
  return {
    db,
    a,
    b,
    personas,
    persona(key) {
      const found = personas.find((p) => p.key === key);
      if (!found) throw new Error(`no persona ${key}`);
      return found;
    },
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * What of township A a text gives away: A's name or codes, or ids of A's rows
 * (looked up in every org-scoped table). Ids the caller sent are not news to it.
 */
export async function leaksOfA(world: World, text: string, sent: string): Promise<string[]> {
  const { a } = world;
  const found = [a.name, a.code, a.shortCode].filter((s) => text.includes(s) && !sent.includes(s));
  const ids = [...new Set(text.match(UUID) ?? [])].filter((id) => !sent.includes(id));
  if (ids.length === 0) return found;
  const tables = (await orgTables(world.db)).filter((t) => t.hasId);
  for (const id of ids) {
    const probes = tables.map((t) => sql`select 1 from ${sql.identifier(t.name)} where org_id = ${a.orgId}::uuid and id = ${id}::uuid`);
    if (rowsOf(await world.db.execute(sql.join(probes, sql` union all `))).length > 0) found.push(id);
  }
  return found;
}
