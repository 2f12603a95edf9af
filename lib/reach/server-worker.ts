import "server-only";
import { getDbHandle } from "@/db/client";
import { setOutboxWaker } from "./wake";
import { startWorker, type Worker } from "./worker";

const globalForWorker = globalThis as unknown as { dubanWorker?: Promise<Worker> };

/**
 * The worker inside the web server (started by instrumentation.ts): on the
 * embedded database it must live in the process that holds the database;
 * on PostgreSQL every instance may run one (each job still runs once), or
 * DUBAN_WORKER=off leaves it to `npm run worker`.
 */
export function startServerWorker(): Promise<Worker> {
  globalForWorker.dubanWorker ??= startWorker({ handle: getDbHandle() }).then((worker) => {
    setOutboxWaker(() => worker.wake());
    const stop = () => {
      setOutboxWaker(undefined);
      worker.stop().catch(() => {});
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    console.log("[duban] reminder worker started");
    return worker;
  });
  return globalForWorker.dubanWorker;
}
