/**
 * The production build under test: built into its own dist dir (or a given
 * one), served by `next start` on a free loopback port against the bench
 * database, signed into through next-auth's credentials endpoint, and its
 * memory sampled from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
export const HOST = "127.0.0.1";

/** Builds into `distDir` unless it already holds a build and `reuse` is set. */
export function ensureBuild(distDir: string, reuse: boolean): void {
  const built = existsSync(path.join(ROOT, distDir, "BUILD_ID"));
  if (reuse) {
    if (!built) throw new Error(`BENCH_DIST_DIR=${distDir} holds no production build (no BUILD_ID)`);
    console.log(`Reusing the build in ${distDir}`);
    return;
  }
  console.log(`Building into ${distDir} …`);
  const result = spawnSync(NEXT_BIN, ["build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

/** The first port in [from, to] nobody listens on. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, HOST, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}-${to}`);
}

export interface RunningServer {
  baseUrl: string;
  /** The process serving requests (next-server), whose memory is measured. */
  serverPid: number;
  stop(): Promise<void>;
}

export async function startServer(options: { distDir: string; port: number; databaseUrl: string; uploadDir: string }): Promise<RunningServer> {
  const baseUrl = `http://${HOST}:${options.port}`;
  const child: ChildProcess = spawn(NEXT_BIN, ["start", "-p", String(options.port), "-H", HOST], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      UPLOAD_DIR: options.uploadDir,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      // The reminder worker is measured on its own (scripts/bench/reach.ts), not under the page loads.
      DUBAN_WORKER: "off",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, serverPid: largestDescendant(child.pid!), stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("next start did not become healthy within 60 s");
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) out.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** `next start` may serve from a child (next-server): the biggest process of the tree is the server. */
function largestDescendant(root: number): number {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...childrenOf(tree[i]!));
  let best = root;
  let bestRss = -1;
  for (const pid of tree) {
    const rss = memoryOf(pid)?.rssKb ?? -1;
    if (rss > bestRss) [best, bestRss] = [pid, rss];
  }
  return best;
}

export function memoryOf(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** Samples VmRSS every 50 ms until stopped; returns the peak seen in MB. */
export function sampleRss(pid: number): () => number {
  let peakKb = memoryOf(pid)?.rssKb ?? 0;
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, memoryOf(pid)?.rssKb ?? 0);
  }, 50);
  return () => {
    clearInterval(timer);
    peakKb = Math.max(peakKb, memoryOf(pid)?.rssKb ?? 0);
    return peakKb / 1024;
  };
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in the way the login form does (csrf token, then the credentials callback); returns the Cookie header. */
export async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in as ${login} failed (HTTP ${response.status})`);
  }
  return cookieHeader(jar);
}
