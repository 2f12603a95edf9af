/**
 * `npm run bench [-- --size small] [--keep] [--reuse]`: generates the county
 * dataset in its own PostgreSQL database, serves the production build on a
 * loopback port against it, measures pages, the submit action and the XLSX
 * exports over HTTP beside the same reads on the bare database and pgbench,
 * prints one table and writes it as JSON. Exits non-zero when the run fails,
 * never for a missed timing target.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { DEMO_PASSWORD } from "@/db/seed/township";
import { connect, createDatabase, databaseExists, databaseUrl, DEFAULT_SERVER_URL, dropDatabase } from "./databases";
import { accounts, generateDataset, holdsDataset, SIZES, TEMPLATE_KEY, type DatasetSize } from "./dataset";
import { measure, type Subjects } from "./measure";
import { measureReach } from "./reach";
import { machine, printTable, writeJson, type Report } from "./report";
import { ensureBuild, freePort, signIn, startServer, type RunningServer } from "./server";

interface Options {
  size: "full" | "small";
  keep: boolean;
  reuse: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { size: "full", keep: false, reuse: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--keep") options.keep = true;
    else if (arg === "--reuse") options.reuse = options.keep = true;
    else if (arg === "--size" || arg?.startsWith("--size=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      if (value !== "full" && value !== "small") throw new Error(`--size must be full or small, got ${value}`);
      options.size = value;
    } else throw new Error(`Unknown argument ${arg} (use --size full|small, --keep, --reuse)`);
  }
  return options;
}

async function prepareDatabase(serverUrl: string, name: string, size: DatasetSize, reuse: boolean): Promise<number | "reused"> {
  const url = databaseUrl(serverUrl, name);
  if (reuse && (await databaseExists(serverUrl, name))) {
    const sql = connect(url);
    const holds = await holdsDataset(sql, size).finally(() => sql.end({ timeout: 5 }));
    if (holds) {
      console.log(`Reusing the dataset in ${name}`);
      return "reused";
    }
  }
  await dropDatabase(serverUrl, name);
  await createDatabase(serverUrl, name);
  const handle = openPostgres(url, 1);
  await migrate(handle).finally(() => handle.close());
  console.log(`Generating the ${name} dataset …`);
  const sql = connect(url);
  try {
    // One hash for every account: bcrypt takes tens of milliseconds per call.
    return await generateDataset(sql, size, await bcrypt.hash(DEMO_PASSWORD, 10), new Date());
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function datasetCounts(url: string): Promise<Record<string, number>> {
  const sql = connect(url);
  try {
    const tables = ["organizations", "units", "users", "tasks", "assignments", "assignment_events", "submissions", "files", "hazards", "audit_events"];
    const out: Record<string, number> = {};
    for (const table of tables) out[table] = Number((await sql.unsafe(`select count(*) as n from ${table}`))[0]!.n);
    return out;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Ids of the accounts and the campaign the measurements use (township 1). */
async function subjectsOf(url: string, server: RunningServer): Promise<Subjects> {
  const sql = connect(url);
  try {
    const id = async (username: string) => {
      const [row] = await sql`select m.user_id, m.org_id from users u join memberships m on m.user_id = u.id where u.username = ${username}`;
      if (!row) throw new Error(`No account ${username}`);
      return { userId: row.user_id as string, orgId: row.org_id as string, username };
    };
    const leader = await id(accounts.leader(1));
    const [campaign] = await sql`select id from campaigns where org_id = ${leader.orgId} and template_key = ${TEMPLATE_KEY}`;
    const users = { leader, liaison: await id(accounts.liaison(1, 1)), countyLeader: await id(accounts.countyLeader) };
    const cookies = {
      leader: await signIn(server.baseUrl, leader.username, DEMO_PASSWORD),
      liaison: await signIn(server.baseUrl, users.liaison.username, DEMO_PASSWORD),
      countyLeader: await signIn(server.baseUrl, users.countyLeader.username, DEMO_PASSWORD),
    };
    return { ...users, cookies, campaignId: campaign!.id as string };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const size = SIZES[options.size];
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER_URL;
  const name = `duban_bench_${options.size}`;
  const url = databaseUrl(serverUrl, name);
  const startedAt = new Date().toISOString();
  const distDir = process.env.BENCH_DIST_DIR || ".next-bench";
  const uploadDir = mkdtempSync(path.join(tmpdir(), "duban-bench-uploads-"));
  let server: RunningServer | null = null;
  const cleanup = async () => {
    await server?.stop();
    server = null;
    rmSync(uploadDir, { recursive: true, force: true });
    if (!options.keep) await dropDatabase(serverUrl, name);
    else console.log(`Kept database ${name}`);
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  try {
    const generation = await prepareDatabase(serverUrl, name, size, options.reuse);
    const counts = await datasetCounts(url);
    ensureBuild(distDir, Boolean(process.env.BENCH_DIST_DIR));
    const [portFrom, portTo] = (process.env.BENCH_PORTS || "3300-3399").split("-").map(Number);
    server = await startServer({ distDir, port: await freePort(portFrom!, portTo!), databaseUrl: url, uploadDir });
    console.log(`Serving ${distDir} at ${server.baseUrl} (server pid ${server.serverPid})`);
    const subjects = await subjectsOf(url, server);
    const figures = await measure({
      server,
      subjects,
      databaseUrl: url,
      serverUrl,
      distDir,
      // Small is CI's smoke run: one request per user at 20 users, so it finishes in about two minutes.
      rounds: options.size === "full" ? 5 : 1,
      submitsPerLiaison: options.size === "full" ? 20 : 2,
      pgbenchSeconds: options.size === "full" ? 15 : 3,
    });
    await server.stop();
    server = null;
    figures.push(...(await measureReach(url)));
    const report: Report = {
      startedAt,
      size: options.size,
      machine: machine(),
      dataset: { database: name, generationSeconds: generation === "reused" ? "reused" : Number(generation.toFixed(1)), ...counts },
      figures,
    };
    printTable(report);
    console.log(`\nResults: ${writeJson(report)}`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
