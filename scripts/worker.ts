/**
 * `npm run worker`: the reminder worker alone, for a deployment that runs it
 * apart from the web servers (which then set DUBAN_WORKER=off). Any number
 * may run against one PostgreSQL database; each job runs once. On the
 * embedded database it can only run while no server holds it.
 */
import { openFromEnv } from "@/db/client";
import { startWorker } from "@/lib/reach/worker";

async function main() {
  const handle = openFromEnv();
  const worker = await startWorker({
    handle,
    onTick: (r) => {
      if (r.dispatched > 0 || r.digests > 0) {
        console.log(`[worker] tick: ${r.dispatched} reminders, ${r.digests} digests, ${r.deliveries} outside messages queued`);
      }
    },
  });
  console.log(`[worker] running on ${handle.driver === "postgres" ? "PostgreSQL" : "the embedded database"}; Ctrl-C stops it`);
  const stop = async () => {
    await worker.stop();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
