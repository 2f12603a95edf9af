import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, files, hazards, memberships, users } from "@/db/schema";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import type { z } from "zod";
import { pngBytes } from "./evidence-bytes";
import { memberOf } from "./workflow";

/** Runs a command as `actor` through the real wrapper (session → permission → zod → transaction + audit). */
export function runAs<S extends z.ZodType, T>(db: Db, command: Command<S, T>) {
  return (actor: Actor | null, input: unknown) => executeAction(db, actor, command.config, input, command.body);
}

export const photoFile = (name = "现场.png") => new File([pngBytes(16)], name, { type: "image/png" });

/** FormData as the browser sends it: strings, repeated file fields, and an empty file input. */
export function formOf(fields: Record<string, string | number | undefined>, uploads: Record<string, File[]> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, String(value));
  for (const [key, list] of Object.entries(uploads)) {
    for (const file of list) form.append(key, file);
    form.append(key, new File([], ""));
  }
  return form;
}

/** Everyone a hazard test acts as, in one township. */
export async function hazardCast(db: Db, orgId: string) {
  const leader = await memberOf(db, orgId, "leader");
  const admin = await memberOf(db, orgId, "admin");
  const auditor = await memberOf(db, orgId, "auditor");
  const liaison = await memberOf(db, orgId, "liaison");
  const otherLiaison = await memberOf(db, orgId, "liaison", liaison.unitId);
  return { leader, admin, auditor, liaison, otherLiaison };
}

/** A second, active leader of the township (the seed has one). */
export async function secondLeader(db: Db, orgId: string, label: string) {
  const [user] = await db
    .insert(users)
    .values({ username: `leader2-${label}-${crypto.randomUUID().slice(0, 8)}`, displayName: "副镇长", passwordHash: "x" })
    .returning({ id: users.id });
  await db.insert(memberships).values({ orgId, userId: user!.id, role: "leader" });
  return { actor: { userId: user!.id, orgId } satisfies Actor, unitId: null };
}

export const hazardRow = async (db: Db, id: string) => (await db.select().from(hazards).where(eq(hazards.id, id)))[0]!;

export const hazardAudit = (db: Db, id: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "hazard"), eq(auditEvents.entityId, id))).orderBy(asc(auditEvents.createdAt));

export const hazardFiles = (db: Db, id: string) => db.select().from(files).where(eq(files.hazardId, id)).orderBy(asc(files.uploadedAt));
