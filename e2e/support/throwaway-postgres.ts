import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/helpers/free-port";

/** Where initdb and pg_ctl live: `pg_config --bindir` (Debian keeps them off PATH), else PATH. */
function binDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(path.join(dir, "initdb"))) return dir;
  } catch {
    // no pg_config: fall back to PATH
  }
  return "";
}

/**
 * A PostgreSQL server of the test's own, which it may stop and start: initdb
 * into a temporary folder, trust auth, its own port, its unix socket in that
 * folder. PostgreSQL refuses to run as root, so as root (CI) every command runs
 * as the `postgres` user through runuser and the folder is chowned to it.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly asRoot: boolean,
  ) {}

  /** The admin URL (superuser `postgres`, trust auth). */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, "data");
  }

  static async create(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), "duban-outage-pg-"));
    const asRoot = process.getuid?.() === 0;
    const server = new ThrowawayPostgres(dir, await freePort(), binDir(), asRoot);
    try {
      if (asRoot) {
        const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
        const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
        chownSync(dir, uid, gid);
      }
      server.run("initdb", ["-D", server.dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
      server.start();
      return server;
    } catch (error) {
      server.destroy();
      throw error;
    }
  }

  private run(program: string, args: string[]): void {
    const command = this.bin ? path.join(this.bin, program) : program;
    const [file, argv] = this.asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: "utf8", cwd: this.dir });
    if (result.status !== 0) {
      throw new Error(`${program} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}\n${this.logTail()}`);
    }
  }

  /** Starts the server and waits until it accepts connections. */
  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`;
    this.run("pg_ctl", ["-D", this.dataDir, "-l", path.join(this.dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  }

  /** Stops the server the hard way (as a crash would): no checkpoint, connections cut. */
  stop(): void {
    this.run("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
  }

  /** Stops the server if it runs and removes its folder. Never throws: it runs in cleanup. */
  destroy(): void {
    try {
      if (existsSync(path.join(this.dataDir, "postmaster.pid"))) this.stop();
    } catch (error) {
      console.error(`[throwaway postgres] ${(error as Error).message}`);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The end of the server's log, for failure messages. */
  logTail(lines = 20): string {
    try {
      return readFileSync(path.join(this.dir, "server.log"), "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }
}
