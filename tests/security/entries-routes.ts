import type { ExcludedRoute, RouteEntry } from "./registry";

/** Every route handler (app/**\/route.ts), by `<file>#<method>`. */
export const routes: Record<string, RouteEntry | ExcludedRoute> = {
  "app/api/auth/[...nextauth]/route.ts#GET": { excluded: "next-auth's own handler; signing in is exercised by e2e/auth.setup.ts" },
  "app/api/auth/[...nextauth]/route.ts#POST": { excluded: "next-auth's own handler; signing in is exercised by e2e/auth.setup.ts" },
  "app/api/health/route.ts#GET": { permission: "public", scope: "org", request: async () => ({ params: {} }) },
  "app/(app)/notifications/[id]/open/route.ts#GET": {
    permission: "notification.read",
    scope: "owner",
    okStatus: 303,
    request: async (fx) => ({ params: { id: await fx.unreadNotification() } }),
  },
  "app/api/admin/import-template/route.ts#GET": {
    permission: "unit.manage",
    scope: "org",
    foreign: "own",
    request: async () => ({ params: {}, query: "kind=units" }),
  },
  "app/api/campaigns/[id]/template/route.ts#GET": {
    permission: "campaign.read",
    scope: "org",
    request: async (fx) => ({ params: { id: fx.world.a.campaignId } }),
  },
  "app/api/exports/campaigns/[id]/csv/route.ts#GET": {
    permission: "report.export",
    scope: "org",
    request: async (fx) => ({ params: { id: fx.world.a.campaignId }, query: "sheet=assignments" }),
  },
  "app/api/exports/campaigns/[id]/xlsx/route.ts#GET": {
    permission: "report.export",
    scope: "org",
    request: async (fx) => ({ params: { id: fx.world.a.campaignId } }),
  },
  // A liaison may take their own unit's ledger; managers and auditors any unit's.
  "app/api/exports/campaigns/[id]/units/[unitId]/ledger/route.ts#GET": {
    permission: "assignment.read",
    scope: "unit",
    request: async (fx) => ({ params: { id: fx.world.a.campaignId, unitId: fx.world.a.unitX } }),
  },
  "app/api/exports/county/route.ts#GET": {
    permission: "county.export",
    scope: "org",
    foreign: "own",
    request: async (fx) => ({ params: {}, query: `template=${await fx.templateKey()}` }),
  },
  "app/api/files/[id]/route.ts#GET": {
    permission: "assignment.read",
    scope: "unit",
    request: async (fx) => ({ params: { id: await fx.evidenceFileId() } }),
  },
  "app/api/hazard-files/[id]/route.ts#GET": {
    permission: "hazard.read",
    scope: "unit",
    request: async (fx) => ({ params: { id: await fx.hazardPhotoId() } }),
  },
};
