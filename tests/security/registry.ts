import type { z } from "zod";
import type { Command } from "@/lib/auth/action-core";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Fixtures } from "./fixtures";
import type { Persona, World } from "./world";

/**
 * Whose data an entry's fixture is:
 * - org: the township's (another township gets not-found);
 * - unit: unit X's, so a liaison of another unit is refused too;
 * - owner: the liaison of unit X's own (their notifications), refused to everyone else;
 * - self: the caller's own account, whoever they are.
 */
export type Scope = "org" | "unit" | "owner" | "self";

interface Access {
  scope: Scope;
  /** A member of another township with the permission acts in their own township (the input names nothing of A's). */
  foreign?: "own";
  /** A refusal is an ok result that changes nothing (marking someone else's notifications read matches none). */
  silentRefusal?: boolean;
}

export type ActionInput = Record<string, unknown>;
type AnyCommand = Command<z.ZodType, unknown>;

export interface ActionEntry extends Access {
  /** The command behind the action: its config.permission is what the matrix expects. Absent for the public report. */
  command: AnyCommand | "public";
  /** A valid input aimed at township A's data, in a state where the action applies. */
  input: (fx: Fixtures, who: Persona) => Promise<ActionInput>;
  /** How the page calls the export, when it is not `action(input)`. */
  invoke?: (action: (...args: unknown[]) => Promise<unknown>, input: unknown) => Promise<unknown>;
}

export interface RouteRequest {
  params: Record<string, string>;
  query?: string;
}

export interface RouteEntry extends Access {
  permission: Permission | "public";
  request: (fx: Fixtures, who: Persona) => Promise<RouteRequest>;
  /** The status of an allowed request (default 200). */
  okStatus?: number;
}

/** A route the matrix does not call, with the reason (it must still be listed). */
export interface ExcludedRoute {
  excluded: string;
}

export const permissionOf = (entry: ActionEntry | RouteEntry): Permission | "public" =>
  "permission" in entry ? entry.permission : entry.command === "public" ? "public" : (entry.command.config.permission as Permission);

/** What the permissions map and the entry's scope say must happen when `who` calls it. */
export function expected(world: World, entry: ActionEntry | RouteEntry, who: Persona): "allowed" | "refused" {
  const permission = permissionOf(entry);
  if (permission === "public") return "allowed";
  if (!who.actor || !who.role || !can(who.role, permission)) return "refused";
  if (entry.scope === "self") return "allowed";
  if (who.home !== "A") return entry.foreign === "own" ? "allowed" : "refused";
  if (entry.scope === "unit" && who.role === "liaison" && who.unitId !== world.a.unitX) return "refused";
  if (entry.scope === "owner" && who.key !== "A.liaison") return "refused";
  return "allowed";
}

/** Exported names of a module that are server actions (functions). */
export const actionExports = (mod: Record<string, unknown>) => Object.keys(mod).filter((k) => typeof mod[k] === "function");

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Exported HTTP method handlers of a route module. */
export const routeExports = (mod: Record<string, unknown>) => Object.keys(mod).filter((k) => METHODS.has(k));

/** `../../app/x/actions.ts` → `app/x/actions.ts`. */
export const repoPath = (globKey: string) => globKey.replace(/^(\.\.\/)+/, "");

/** Every discovered export as `<file>#<export>`, given the glob result. */
export function discovered(modules: Record<string, Record<string, unknown>>, pick: (mod: Record<string, unknown>) => string[]) {
  return Object.entries(modules).flatMap(([file, mod]) => pick(mod).map((name) => `${repoPath(file)}#${name}`));
}
