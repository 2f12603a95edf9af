/**
 * The measurements, in an order where nothing disturbs what follows: the
 * exports on a fresh server, then reads (pages, then the same reads on the
 * bare database), then the writes (submit, pgbench). Returns the table's figures.
 */
import { openPostgres } from "@/db/client";
import { TEMPLATE_KEY } from "./dataset";
import { download, loadPage, pageJsKb, type LatencyStats } from "./load";
import { countyReads, dashboardReads, exportReads, liaisonTaskReads, measureConcurrent, runPgbench } from "./limits";
import type { Figure } from "./report";
import { memoryOf, type RunningServer } from "./server";
import { DEMO_PASSWORD } from "@/db/seed/township";
import { connect } from "./databases";
import { serverActionId } from "../../tests/helpers/server-action-id";
import { loadSubmit } from "./submit-load";

interface Account {
  userId: string;
  orgId: string;
  username: string;
}

export interface Subjects {
  leader: Account;
  liaison: Account;
  countyLeader: Account;
  cookies: { leader: string; liaison: string; countyLeader: string };
  campaignId: string;
}

export interface MeasureOptions {
  server: RunningServer;
  subjects: Subjects;
  databaseUrl: string;
  serverUrl: string;
  distDir: string;
  rounds: number;
  submitsPerLiaison: number;
  pgbenchSeconds: number;
}

const CONCURRENT = 20;

function log(what: string, stats: LatencyStats) {
  console.log(`  ${what.padEnd(34)} n=${stats.requests} errors=${stats.errors} p50=${stats.p50.toFixed(1)} ms p95=${stats.p95.toFixed(1)} ms`);
}

/** p50 and p95 rows of one page at 1 and 20 users, beside the bare reads. */
function pageFigures(page: string, http: LatencyStats[], bare: LatencyStats[], p95Target?: (h: LatencyStats, b: LatencyStats) => [string, boolean]): Figure[] {
  return [1, CONCURRENT].flatMap((users, i) => {
    const [h, b] = [http[i]!, bare[i]!];
    const target = users === CONCURRENT && p95Target ? p95Target(h, b) : undefined;
    return [
      { name: `${page} p50 @${users}`, value: h.p50, unit: "ms", bare: b.p50 },
      { name: `${page} p95 @${users}`, value: h.p95, unit: "ms", bare: b.p95, target: target?.[0], met: target?.[1] },
      ...(h.errors > 0 ? [{ name: `${page} errors @${users}`, value: h.errors, unit: "", target: "0", met: false }] : []),
    ];
  });
}

export async function measure(o: MeasureOptions): Promise<Figure[]> {
  const { server, subjects: s } = o;
  const base = server.baseUrl;

  console.log("JavaScript per page …");
  const dashboardJs = await pageJsKb(base, "/dashboard", s.cookies.leader);
  const tasksJs = await pageJsKb(base, "/tasks", s.cookies.liaison);

  // Exports first, on a fresh server: their peak RSS is theirs, not the heap left by the page loads.
  console.log("XLSX exports …");
  const rssBefore = memoryOf(server.serverPid)?.rssKb ?? NaN;
  const township = await download(`${base}/api/exports/campaigns/${s.campaignId}/xlsx`, s.cookies.leader, server.serverPid);
  console.log(`  township XLSX ${township.seconds.toFixed(1)} s, ${(township.bytes / 2 ** 20).toFixed(1)} MB, peak RSS ${township.peakRssMb.toFixed(0)} MB`);
  const county = await download(`${base}/api/exports/county?template=${TEMPLATE_KEY}`, s.cookies.countyLeader, server.serverPid);
  console.log(`  county XLSX ${county.seconds.toFixed(1)} s, ${(county.bytes / 2 ** 10).toFixed(0)} KB, peak RSS ${county.peakRssMb.toFixed(0)} MB`);

  console.log("Pages over HTTP …");
  const dashboard: LatencyStats[] = [];
  const tasks: LatencyStats[] = [];
  for (const users of [1, CONCURRENT]) {
    dashboard.push(await loadPage(`${base}/dashboard`, s.cookies.leader, users, o.rounds));
    log(`dashboard @${users}`, dashboard.at(-1)!);
    tasks.push(await loadPage(`${base}/tasks`, s.cookies.liaison, users, o.rounds));
    log(`my tasks @${users}`, tasks.at(-1)!);
  }

  console.log("The same reads on the bare database …");
  const bare = openPostgres(o.databaseUrl, CONCURRENT);
  const bareDashboard: LatencyStats[] = [];
  const bareTasks: LatencyStats[] = [];
  let exportBare: number;
  let countyBare: number;
  try {
    for (const users of [1, CONCURRENT]) {
      bareDashboard.push(await measureConcurrent(() => dashboardReads(bare, s.leader.userId, s.leader.orgId), users, o.rounds));
      log(`bare dashboard @${users}`, bareDashboard.at(-1)!);
      bareTasks.push(await measureConcurrent(() => liaisonTaskReads(bare, s.liaison.userId, s.liaison.orgId), users, o.rounds));
      log(`bare my tasks @${users}`, bareTasks.at(-1)!);
    }
    exportBare = await exportReads(bare, s.leader.userId, s.leader.orgId, s.campaignId);
    countyBare = await countyReads(bare, s.countyLeader.userId, s.countyLeader.orgId, TEMPLATE_KEY);
  } finally {
    await bare.close();
  }

  console.log(`Submit at ${CONCURRENT} concurrent liaisons …`);
  const sql = connect(o.databaseUrl, 2);
  const submit = await loadSubmit({
    sql,
    baseUrl: base,
    password: DEMO_PASSWORD,
    actionId: serverActionId("app/(app)/tasks/[id]/actions.ts", "submit", o.distDir),
    connections: CONCURRENT,
    perLiaison: o.submitsPerLiaison,
  }).finally(() => sql.end({ timeout: 5 }));
  log("submit", submit);
  console.log(`  acknowledged=${submit.acknowledged} refused=${submit.refused} lost=${submit.lost}`);

  console.log(`pgbench simple-update, ${CONCURRENT} clients …`);
  const pgbench = await runPgbench(o.serverUrl, CONCURRENT, o.pgbenchSeconds);
  console.log(`  ${pgbench.tps.toFixed(0)} tps, p99 ${pgbench.p99.toFixed(1)} ms`);

  const dashboardTarget = (h: LatencyStats, b: LatencyStats): [string, boolean] => [
    "≤ 2× bare and ≤ 150 ms",
    h.p95 <= 2 * b.p95 && h.p95 <= 150,
  ];
  return [
    ...pageFigures("leader dashboard", dashboard, bareDashboard, dashboardTarget),
    ...pageFigures("liaison my tasks", tasks, bareTasks),
    {
      name: `submit throughput @${CONCURRENT}`,
      value: submit.rps,
      unit: "/s",
      bare: pgbench.tps,
      bareLabel: "pgbench tps",
      target: "≥ 25 % of pgbench",
      met: submit.rps >= 0.25 * pgbench.tps,
    },
    { name: `submit p50 @${CONCURRENT}`, value: submit.p50, unit: "ms", bare: pgbench.p50, bareLabel: "pgbench" },
    { name: `submit p99 @${CONCURRENT}`, value: submit.p99, unit: "ms", bare: pgbench.p99, bareLabel: "pgbench", target: "≤ 300 ms", met: submit.p99 <= 300 },
    { name: "submit acknowledged", value: submit.acknowledged, unit: "" },
    { name: "submit errors", value: submit.errors, unit: "", target: "0", met: submit.errors === 0 },
    { name: "submit lost", value: submit.lost, unit: "", target: "0", met: submit.lost === 0 },
    { name: "township XLSX time", value: township.seconds, unit: "s", bare: exportBare, bareLabel: "rows only", target: "≤ 5 s", met: township.seconds <= 5 },
    { name: "township XLSX size", value: township.bytes / 2 ** 20, unit: "MB" },
    { name: "server RSS before the exports", value: rssBefore / 1024, unit: "MB" },
    { name: "township XLSX peak RSS", value: township.peakRssMb, unit: "MB" },
    { name: "county XLSX time", value: county.seconds, unit: "s", bare: countyBare, bareLabel: "rows only", target: "≤ 30 s", met: county.seconds <= 30 },
    { name: "county XLSX peak RSS", value: county.peakRssMb, unit: "MB", target: "≤ 300 MB", met: county.peakRssMb <= 300 },
    { name: "JS gzipped /dashboard (leader)", value: dashboardJs.kb, unit: "KB" },
    { name: "JS gzipped /tasks (liaison)", value: tasksJs.kb, unit: "KB" },
  ];
}
