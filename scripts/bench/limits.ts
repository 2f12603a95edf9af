/**
 * What the database alone can do, to compare the HTTP figures against: the
 * pages' queries through the app's own query functions on postgres.js (no
 * HTTP, no rendering), the export's rows without the XLSX writer, and
 * pgbench's single-row update throughput on a scratch database.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DbHandle } from "@/db/client";
import { getCampaign, listCampaignsWithProgress } from "@/db/queries/campaigns";
import { approvalsPerDay } from "@/db/queries/completion-trend";
import { activityFigures, activityHazards } from "@/db/queries/completion";
import { loadMembership, contextFor, type QueryContext } from "@/db/queries/context";
import { campaignPhases, overdueAssignments, unitProgress } from "@/db/queries/dashboard";
import { hazardPanelCounts, openMajorHazards } from "@/db/queries/hazard-panel";
import { listAssignments } from "@/db/queries/assignments";
import { liaisonHome } from "@/db/queries/liaison-home";
import { complianceMatrix } from "@/db/queries/matrix";
import { unitRanking } from "@/db/queries/ranking";
import { reviewQueueCount } from "@/db/queries/reviews";
import { chosenActivities } from "@/lib/completion";
import { loadCountyRollup } from "@/lib/county-rollup";
import { campaignSheet } from "@/lib/exports/campaign-sheets";
import { SHEET_KEYS } from "@/lib/exports/sheet-keys";
import { createDatabase, databaseUrl, dropDatabase } from "./databases";
import { latencyStats, percentile, type LatencyStats } from "./load";

/** The membership lookup every request makes, then a context as the app builds it. */
export async function contextOf(handle: DbHandle, userId: string, orgId: string): Promise<QueryContext> {
  const membership = await loadMembership(handle.db, userId, orgId);
  if (!membership) throw new Error(`No membership for ${userId}`);
  return contextFor(handle.db, membership);
}

/** The leader dashboard's reads, in the page's order and grouping (app/(app)/dashboard/page.tsx). */
export async function dashboardReads(handle: DbHandle, userId: string, orgId: string): Promise<void> {
  const ctx = await contextOf(handle, userId, orgId);
  const now = new Date();
  const campaigns = await listCampaignsWithProgress(ctx, now);
  const campaign = campaigns.find((c) => c.status === "active") ?? campaigns[0];
  if (!campaign) throw new Error("No campaign on the dashboard");
  await campaignPhases(ctx, campaign.id);
  const [matrix] = await Promise.all([
    complianceMatrix(ctx, campaign.id, now),
    unitProgress(ctx, campaign.id, now),
    overdueAssignments(ctx, campaign.id, now, 20),
    reviewQueueCount(ctx),
    unitRanking(ctx, campaign.id, now),
    approvalsPerDay(ctx, campaign.id),
  ]);
  const ids = chosenActivities(matrix.activities).map((a) => a.id);
  await Promise.all([
    activityFigures(ctx, campaign.id, ids),
    activityHazards(ctx, campaign.id, ids),
    hazardPanelCounts(ctx, now),
    openMajorHazards(ctx, now),
  ]);
}

/** A liaison's "my tasks" reads (app/(app)/tasks/page.tsx with the liaison summary). */
export async function liaisonTaskReads(handle: DbHandle, userId: string, orgId: string): Promise<void> {
  const ctx = await contextOf(handle, userId, orgId);
  await Promise.all([listAssignments(ctx), liaisonHome(ctx, new Date())]);
}

/** `concurrency` loops each calling `run` `rounds` times, as the page loads do; each call's latency in ms. */
export async function measureConcurrent(run: () => Promise<void>, concurrency: number, rounds: number): Promise<LatencyStats> {
  await run(); // warm-up: plans and connections
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < Math.max(rounds, concurrency === 1 ? 5 : 1); i++) {
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencyStats(latencies, 0, (performance.now() - started) / 1000);
}

/** Every row of every sheet of the campaign's compliance report, fetched page by page and dropped. */
export async function exportReads(handle: DbHandle, userId: string, orgId: string, campaignId: string): Promise<number> {
  const ctx = await contextOf(handle, userId, orgId);
  const campaign = await getCampaign(ctx, campaignId);
  if (!campaign) throw new Error("Campaign not found");
  const started = performance.now();
  const input = { ctx, campaign, now: new Date(), origin: "http://127.0.0.1", exporterName: "bench" };
  for (const key of SHEET_KEYS) {
    const sheet = await campaignSheet(key, input);
    for await (const page of sheet.rows) void page.length;
  }
  return (performance.now() - started) / 1000;
}

export async function countyReads(handle: DbHandle, userId: string, orgId: string, templateKey: string): Promise<number> {
  const ctx = await contextOf(handle, userId, orgId);
  const started = performance.now();
  await loadCountyRollup(ctx, templateKey, new Date());
  return (performance.now() - started) / 1000;
}

export interface PgbenchStats {
  tps: number;
  p50: number;
  p99: number;
}

/**
 * pgbench's built-in simple-update script (one UPDATE of a random account,
 * a SELECT and an INSERT) with `clients` clients, on a scratch database
 * initialised and dropped here. Latencies come from its per-transaction log.
 */
export async function runPgbench(serverUrl: string, clients: number, seconds: number): Promise<PgbenchStats> {
  const name = `duban_bench_pgbench_${process.pid}`;
  const url = new URL(databaseUrl(serverUrl, name));
  const connection = ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres")];
  const env = { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
  const logDir = mkdtempSync(path.join(tmpdir(), "duban-pgbench-"));
  await dropDatabase(serverUrl, name);
  await createDatabase(serverUrl, name);
  try {
    const pgbench = (args: string[]) => {
      const result = spawnSync("pgbench", [...connection, ...args, name], { env, encoding: "utf8" });
      if (result.error) throw new Error(`pgbench could not run: ${result.error.message}`);
      if (result.status !== 0) throw new Error(`pgbench ${args.join(" ")} failed: ${result.stderr}`);
      return result.stdout;
    };
    pgbench(["-i", "-q", "-s", "10"]);
    const prefix = path.join(logDir, "log");
    const out = pgbench(["-n", "-b", "simple-update", "-c", String(clients), "-j", "2", "-T", String(seconds), "-l", `--log-prefix=${prefix}`]);
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const latencies = readdirSync(logDir)
      .flatMap((f) => readFileSync(path.join(logDir, f), "utf8").split("\n"))
      .filter(Boolean)
      .map((line) => Number(line.split(" ")[2]) / 1000)
      .sort((a, b) => a - b);
    return { tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
    await dropDatabase(serverUrl, name);
  }
}
