/**
 * Next.js calls register() once when a server starts. It starts the reminder
 * worker in the same process (see lib/reach/server-worker.ts), unless
 * DUBAN_WORKER=off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DUBAN_WORKER === "off") return;
  const { startServerWorker } = await import("./lib/reach/server-worker");
  startServerWorker().catch((error: unknown) => {
    console.error("[duban] the reminder worker could not start; reminders wait until it does", error);
  });
}
