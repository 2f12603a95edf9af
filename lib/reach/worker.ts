import "server-only";
import PgBoss from "pg-boss";
import type { DbHandle } from "@/db/client";
import type { Channels } from "./channel";
import { createChannels } from "./channels";
import { deliverOne, dueDeliveries } from "./deliver";
import { runSchedule, type TickResult } from "./scheduler";

export const QUEUES = { tick: "reach-tick", sweep: "reach-sweep", deliver: "reach-deliver" } as const;

export interface WorkerOptions {
  handle: DbHandle;
  channels?: Channels;
  /** The clock; tests move it. */
  now?: () => Date;
  retryBaseMs?: number;
  pollingIntervalSeconds?: number;
  /** Run the scheduler every minute (pg-boss cron, once across all instances). Tests send ticks themselves. */
  cron?: boolean;
  onTick?: (result: TickResult) => void;
  /** Only these townships (tests sharing one database); default every township. */
  orgIds?: string[];
}

export interface Worker {
  boss: PgBoss;
  /** Asks for a sweep of due deliveries soon (after a write that queued some). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * pg-boss over the embedded database: the same PGlite client the app uses
 * (only one process may open it). Statements with parameters go through the
 * extended protocol; pg-boss's multi-statement scripts (migrations, its
 * transactions) through exec.
 */
function pgliteDb(handle: DbHandle): PgBoss.Db {
  const client = handle.pglite!;
  return {
    async executeSql(text: string, values: unknown[]) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

function bossFor(handle: DbHandle): PgBoss {
  const common = { schema: "pgboss", application_name: "duban-worker" };
  return handle.driver === "pglite" ? new PgBoss({ ...common, db: pgliteDb(handle) }) : new PgBoss({ ...common, connectionString: handle.url!, max: 4 });
}

/**
 * The reminder worker: the scheduler once a minute (pg-boss cron fires it on
 * one instance only), a sweep that turns due deliveries into jobs, and the
 * deliveries themselves. A delivery job that dies mid-send is retried by
 * pg-boss after it expires; the delivery row's lease and status make any
 * replay a no-op once sent.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { handle } = options;
  const db = handle.db;
  const now = options.now ?? (() => new Date());
  const channels = options.channels ?? createChannels();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const boss = bossFor(handle);
  boss.on("error", (error) => console.error("[reach worker]", error));
  await boss.start();
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: "singleton", retryLimit: 1, expireInSeconds: 300 });
  await boss.createQueue(QUEUES.sweep, { name: QUEUES.sweep, policy: "short", retryLimit: 2, expireInSeconds: 120 });
  await boss.createQueue(QUEUES.deliver, {
    name: QUEUES.deliver,
    policy: "short",
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 180,
  });
  if (options.cron !== false) {
    await boss.schedule(QUEUES.tick, "* * * * *", {}, { tz: "Asia/Shanghai" });
  }

  const sweep = async () => {
    const due = await dueDeliveries(db, now(), options.orgIds);
    if (due.length === 0) return;
    await boss.insert(due.map((d) => ({ name: QUEUES.deliver, data: d, singletonKey: d.id })));
  };
  await boss.work(QUEUES.tick, polling, async () => {
    const result = await runSchedule(db, now(), { orgIds: options.orgIds });
    options.onTick?.(result);
    await sweep();
  });
  await boss.work(QUEUES.sweep, polling, sweep);
  // A batch is sent side by side: each send mostly waits on a provider, and each delivery is claimed on its own.
  await boss.work<{ orgId: string; id: string }>(QUEUES.deliver, { ...polling, batchSize: 25 }, async (jobs) => {
    await Promise.all(jobs.map((job) => deliverOne(db, channels, job.data, now(), { retryBaseMs: options.retryBaseMs })));
  });

  let waking = false;
  return {
    boss,
    wake() {
      if (waking) return;
      waking = true;
      boss
        .send(QUEUES.sweep, {}, { singletonKey: "sweep" })
        .catch((error: unknown) => console.error("[reach worker] wake", error))
        .finally(() => {
          waking = false;
        });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
