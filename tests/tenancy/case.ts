import type { QueryContext } from "@/db/queries/context";

/** What a tenancy case gets: a campaign of the caller's township and a fixed clock. */
export interface TenancyFixture {
  campaignId: string;
  now: Date;
}

/**
 * Calls one query as the given member and reports the ids it exposed (checked
 * against the other township's ids) and a total (checked for aggregates).
 */
export type TenancyCase = (ctx: QueryContext, fixture: TenancyFixture) => Promise<{ ids: string[]; total: number }>;

/** One file per db/queries module: `tests/tenancy/<module>.cases.ts` exporting `cases`, keyed by export name. */
export type TenancyCases = Record<string, TenancyCase>;
