/**
 * The demo township with its three campaigns, a lived-in spread of statuses,
 * two hazards and notifications. Idempotent: a township whose org code exists
 * is left alone.
 */
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents, organizations } from "../schema";
import type { CampaignTemplate } from "../../lib/campaign-template";
import { shiftTemplateYears } from "../../lib/template-dates";
import { insertCampaignFromTemplate, type CreatedCampaign, type UnitRef } from "../campaigns/instantiate";
import { insertRegisterAndNotifications } from "./register";
import { applyStatusSpread } from "./status-spread";
import { safetyMonth2020 } from "./templates/safety-month-2020";
import { threeYearAction2020 } from "./templates/three-year-action-2020";
import { xumingsiTour2020 } from "./templates/xumingsi-tour-2020";
import { DEMO_PASSWORD, DEMO_TOWNSHIP, insertTownship, type TownshipOptions } from "./township";
import { DAY_MS, atShanghai, minDate } from "./util";

export { DEMO_PASSWORD, DEMO_TOWNSHIP } from "./township";

/** The bundled templates, dated 2020 as in the notice. */
export const SEED_TEMPLATES: readonly CampaignTemplate[] = [threeYearAction2020, safetyMonth2020, xumingsiTour2020];
const TEMPLATE_YEAR = 2020;

export interface SeedOptions extends Partial<TownshipOptions> {
  /** Move every campaign to this year (the three-year action keeps its length); null/undefined: keep 2020. */
  shiftToYear?: number | null;
  /** Statuses, hazards and notifications are made relative to this instant (default: now). */
  now?: Date;
  /** Also create the county's two read-only accounts (prefixed like the township's); default true. */
  countyAccounts?: boolean;
}

export interface SeedResult {
  orgId: string;
  created: boolean;
}

export async function seedDemoTownship(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const town: TownshipOptions = {
    orgCode: options.orgCode ?? DEMO_TOWNSHIP.orgCode,
    orgName: options.orgName ?? DEMO_TOWNSHIP.orgName,
    shortCode: options.shortCode ?? DEMO_TOWNSHIP.shortCode,
    usernamePrefix: options.usernamePrefix ?? DEMO_TOWNSHIP.usernamePrefix,
  };
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.code, town.orgCode))
    .limit(1);
  if (existing) return { orgId: existing.id, created: false };

  const now = options.now ?? new Date();
  const years = options.shiftToYear == null ? 0 : options.shiftToYear - TEMPLATE_YEAR;
  const templates = SEED_TEMPLATES.map((t) => shiftTemplateYears(t, years));
  // Hashed once: bcrypt at cost 10 takes tens of milliseconds per call.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  return db.transaction(async (tx) => {
    const township = await insertTownship(tx, town, passwordHash, options.countyAccounts ?? true);
    const { orgId } = township;
    // Units under their real code and the demo code the templates use for owners.
    const unitsByCode = new Map<string, UnitRef>();
    for (const u of township.units) {
      unitsByCode.set(u.templateCode, u);
      unitsByCode.set(u.code, u);
    }

    const created: CreatedCampaign[] = [];
    for (const template of templates) {
      // Issued on the first morning of the campaign, or yesterday if that is still ahead.
      const issuedAt = minDate(atShanghai(template.startsOn), new Date(now.getTime() - DAY_MS));
      created.push(
        await insertCampaignFromTemplate(tx, {
          orgId,
          template,
          unitsByCode,
          status: "active",
          createdBy: township.leaderId,
          createdAt: issuedAt,
          ownerUserByUnitId: township.liaisonByUnitId,
        }),
      );
    }

    const spread = await applyStatusSpread(tx, {
      orgId,
      now,
      leaderId: township.leaderId,
      liaisonByUnitId: township.liaisonByUnitId,
      tasks: created.flatMap((c) => c.tasks),
      assignments: created.flatMap((c) => c.assignments),
    });
    const register = await insertRegisterAndNotifications(tx, {
      orgId,
      shortCode: town.shortCode,
      now,
      township,
      campaigns: created,
      returned: spread.returned,
    });

    const assignmentCount = created.reduce((n, c) => n + c.assignments.length, 0);
    const counts = {
      units: township.units.length,
      users: township.accounts.length,
      memberships: township.accounts.length,
      campaigns: created.length,
      phases: created.reduce((n, c) => n + c.phaseIds.size, 0),
      activities: created.reduce((n, c) => n + c.activityIds.size, 0),
      tasks: created.reduce((n, c) => n + c.tasks.length, 0),
      taskFigures: created.reduce((n, c) => n + c.tasks.reduce((m, t) => m + t.figures.length, 0), 0),
      assignments: assignmentCount,
      // Plus one "assigned" event per assignment, written with it.
      assignmentEvents: assignmentCount + spread.counts.assignmentEvents,
      submissions: spread.counts.submissions,
      submissionFigureValues: spread.counts.submissionFigureValues,
      hazards: register.hazards,
      notifications: register.notifications,
      outcomes: spread.outcomes,
    };
    await tx.insert(auditEvents).values({
      orgId,
      actorUserId: null,
      action: "seed.township",
      entityType: "organization",
      entityId: orgId,
      after: { township: town, shiftToYear: options.shiftToYear ?? null, now: now.toISOString(), counts },
      system: true,
    });
    return { orgId, created: true };
  });
}
