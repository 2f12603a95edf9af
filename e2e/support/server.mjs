// Playwright's webServer: the production build on 127.0.0.1:3100 against a fresh
// database made for this run. With TEST_DATABASE_URL (an admin URL): a new
// PostgreSQL database duban_e2e_<ts>_<rand>; without: PGlite in a new temp dir.
// Assumes `next build` already ran (`npm run test:e2e` does it first).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PORT = process.env.E2E_PORT || "3100"; // playwright.config.ts reads the same variable
const HOST = "127.0.0.1";
const NEXT_BIN = path.join(root, "node_modules", ".bin", "next");

function log(message) {
  console.log(`[e2e server] ${message}`);
}

function uniqueName(prefix) {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").toLowerCase();
  return `${prefix}_${stamp}_${randomBytes(3).toString("hex")}`;
}

async function admin(adminUrl, statement) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Sets DATABASE_URL or PGLITE_DIR (and UPLOAD_DIR) in `env`; returns how to throw them away. */
async function freshDatabase(env) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = uniqueName("duban_e2e");
    await admin(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    delete env.PGLITE_DIR;
    log(`database: postgresql ${name}`);
    // Uploaded evidence goes to a throwaway folder too, never to .data/uploads.
    const uploads = mkdtempSync(path.join(tmpdir(), "duban-e2e-uploads-"));
    env.UPLOAD_DIR = uploads;
    return {
      label: `${name} and ${uploads}`,
      drop: async () => {
        rmSync(uploads, { recursive: true, force: true });
        await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "duban-e2e-"));
  env.PGLITE_DIR = path.join(dir, "pglite");
  env.UPLOAD_DIR = path.join(dir, "uploads");
  delete env.DATABASE_URL;
  log(`database: pglite ${env.PGLITE_DIR}`);
  return { label: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

let database = null;
let next = null;
let stopping = null;

/** Stops next, then throws the database away. Safe to call more than once. */
function stop(exitCode) {
  stopping ??= (async () => {
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise((resolve) => next.once("exit", resolve));
      next.kill("SIGTERM");
      const timer = setTimeout(() => next.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (database) {
      try {
        await database.drop();
        log(`removed ${database.label}`);
      } catch (error) {
        console.error(`[e2e server] could not remove ${database.label}: ${error.message}`);
      }
    }
    process.exit(exitCode);
  })();
  return stopping;
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
process.on("SIGHUP", () => stop(0));
// Last resort when something throws: never leave next holding the port.
process.on("exit", () => {
  if (next && next.exitCode === null && next.signalCode === null) next.kill("SIGKILL");
});

async function main() {
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `next build` first (`npm run test:e2e` does).");
  }
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT,
    NEXTAUTH_URL: `http://${HOST}:${PORT}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    // The reach spec's robot receiver and SMTP server listen on these (e2e/reach.spec.ts).
    ROBOT_ALLOWED_HOSTS: `${HOST}:${Number(PORT) + 10}`,
    SMTP_URL: `smtp://${HOST}:${Number(PORT) + 11}`,
  };
  delete env.DUBAN_DEMO_YEAR; // e2e expects the demo campaign in the current year
  database = await freshDatabase(env);

  const setup = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/setup.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (setup.status !== 0) throw new Error(`db/setup.ts failed (exit ${setup.status ?? setup.signal})`);

  next = spawn(NEXT_BIN, ["start", "-p", PORT, "-H", HOST], { cwd: root, env, stdio: "inherit" });
  next.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[e2e server] next exited unexpectedly (${code ?? signal})`);
    void stop(code || 1);
  });
}

main().catch((error) => {
  console.error(`[e2e server] ${error instanceof Error ? error.message : error}`);
  void stop(1);
});
