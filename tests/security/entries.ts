import { adminActions } from "./entries-admin";
import { campaignActions } from "./entries-campaigns";
import { reachActions } from "./entries-reach";
import { routes } from "./entries-routes";
import { workActions } from "./entries-work";
import { actionExports, discovered, routeExports, type ActionEntry } from "./registry";

/** The registry: one entry per exported server action, keyed `<file>#<export>`. */
export const ACTIONS: Record<string, ActionEntry> = { ...adminActions, ...campaignActions, ...reachActions, ...workActions };
export const ROUTES = routes;

// Discovered from the code, so a new action or route without an entry fails the registry test.
const actionModules = import.meta.glob<Record<string, unknown>>("../../app/**/actions.ts", { eager: true });
const routeModules = import.meta.glob<Record<string, unknown>>("../../app/**/route.ts", { eager: true });

export const DISCOVERED_ACTIONS = discovered(actionModules, actionExports);
export const DISCOVERED_ROUTES = discovered(routeModules, routeExports);

type Handler = (...args: unknown[]) => Promise<unknown>;

/** The real exported function behind a registry key. */
export function exportOf(key: string): Handler {
  const [file, name] = key.split("#") as [string, string];
  const modules = file.endsWith("route.ts") ? routeModules : actionModules;
  const mod = Object.entries(modules).find(([path]) => path.endsWith(`/${file}`))?.[1];
  const fn = mod?.[name];
  if (typeof fn !== "function") throw new Error(`${key} is not exported`);
  return fn as Handler;
}
