#!/usr/bin/env node
// `npm start`: works on a fresh clone with no env file. Persists an auth secret,
// builds only when sources are newer than the last build, migrates and seeds in a
// child process that exits (releasing the PGlite lock), then runs `next start` as
// the one long-lived process.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const NEXT_BIN = path.join(root, "node_modules", ".bin", "next");
const SECRET_FILE = path.join(root, ".data", "auth-secret");
const PID_FILE = path.join(root, ".data", "start.pid");
// What `next build` reads. Walked on every start, so keep it to source folders.
const BUILD_INPUT_DIRS = ["app", "components", "lib", "db", "public"];
const BUILD_INPUT_FILES = [
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
];
const SKIP_DIRS = new Set(["node_modules", ".next", ".data", "migrations"]);

function log(message) {
  console.log(`[duban] ${message}`);
}

/** Env files as `next start` reads them, so the setup child sees the same DATABASE_URL. */
function loadEnvFiles() {
  for (const name of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) {
      if (process.env[key] === undefined) process.env[key] = value;
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/**
 * A second `npm start` would rebuild .next under the running server and race it
 * for the embedded database, so refuse while another one is alive.
 */
function claimPidFile() {
  mkdirSync(path.dirname(PID_FILE), { recursive: true });
  try {
    writeFileSync(PID_FILE, String(process.pid), { flag: "wx" });
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const holder = Number(readFileSync(PID_FILE, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      console.error(`[duban] Duban is already running from this folder (process ${holder}); stop it first.`);
      process.exit(1);
    }
    writeFileSync(PID_FILE, String(process.pid)); // stale: its process is gone
  }
  process.on("exit", () => {
    try {
      if (readFileSync(PID_FILE, "utf8").trim() === String(process.pid)) rmSync(PID_FILE, { force: true });
    } catch {
      // already gone
    }
  });
}

function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  if (existsSync(SECRET_FILE)) {
    const saved = readFileSync(SECRET_FILE, "utf8").trim();
    if (saved) {
      process.env.NEXTAUTH_SECRET = saved;
      return;
    }
  }
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  chmodSync(SECRET_FILE, 0o600); // mode is ignored when the file already existed
  process.env.NEXTAUTH_SECRET = secret;
  log(`generated an auth secret in ${path.relative(root, SECRET_FILE)}`);
}

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestMtime(full));
    } else if (entry.isFile()) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Why a build is needed, or null when `.next/BUILD_ID` is newer than every input. */
function buildReason() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const builtAt = statSync(buildId).mtimeMs;
  let newest = 0;
  for (const dir of BUILD_INPUT_DIRS) newest = Math.max(newest, newestMtime(path.join(root, dir)));
  for (const file of BUILD_INPUT_FILES) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest > builtAt ? "sources changed since the last build" : null;
}

function runStep(label, command, args) {
  const started = Date.now();
  log(`${label}…`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    log(`${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  log(`${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Prints the banner once the port accepts connections. */
function announceWhenListening(port, url, child) {
  const deadline = Date.now() + 60_000;
  const attempt = () => {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) return;
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      log(`Duban is serving on ${url}  (demo accounts: see README)`);
    });
    socket.once("error", () => {
      socket.destroy();
      setTimeout(attempt, 200).unref();
    });
  };
  attempt();
}

function main() {
  const started = Date.now();
  loadEnvFiles();
  const port = process.env.PORT || "3000";
  process.env.PORT = port;
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  claimPidFile();
  ensureAuthSecret();

  if (!existsSync(NEXT_BIN)) {
    console.error("[duban] node_modules is missing: run `npm ci` first.");
    process.exit(1);
  }

  const reason = buildReason();
  if (reason) runStep(`building (${reason})`, NEXT_BIN, ["build"]);

  runStep("preparing the database", process.execPath, [
    "--conditions=react-server",
    "--import",
    "tsx",
    path.join("db", "setup.ts"),
  ]);

  log(`starting next on port ${port} (prepared in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const child = spawn(NEXT_BIN, ["start", "-p", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on("error", (error) => {
    console.error(`[duban] could not start next: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (code !== null) process.exit(code);
    // Stopped by a signal we forwarded: a requested stop, not a failure.
    process.exit(signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1);
  });
  announceWhenListening(Number(port), process.env.NEXTAUTH_URL, child);
}

main();
