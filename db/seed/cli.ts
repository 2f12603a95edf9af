/**
 * Seeds the demo township into the configured database (DATABASE_URL, else PGlite):
 *   node --conditions=react-server --import tsx db/seed/cli.ts [--year 2026 | --no-shift]
 * By default the campaigns are moved to the current year so that deadlines and
 * "overdue" mean something today; --no-shift keeps the notice's 2020 dates.
 */
import path from "node:path";
import { openFromEnv } from "../client";
import { migrate } from "../migrate";
import { runSchedule } from "../../lib/reach/scheduler";
import { seedDemoTownship } from "./index";
import { shanghaiDate } from "./util";

function parseYear(argv: readonly string[]): number | null {
  if (argv.includes("--no-shift")) return null;
  const at = argv.indexOf("--year");
  if (at === -1) return Number(shanghaiDate(new Date()).slice(0, 4));
  const year = Number(argv[at + 1]);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new Error(`--year needs a year such as 2026, got ${argv[at + 1] ?? "nothing"}`);
  }
  return year;
}

async function main() {
  const shiftToYear = parseYear(process.argv.slice(2));
  const handle = openFromEnv();
  try {
    await migrate(handle);
    const started = Date.now();
    const result = await seedDemoTownship(handle.db, { shiftToYear });
    // As db/setup.ts: the demo's past reminders count as told, so a worker does not send them all at once.
    if (result.created) await runSchedule(handle.db, new Date(), { recordOnly: true, orgIds: [result.orgId] });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      result.created
        ? `Seeded the demo township (${handle.driver}, ${shiftToYear ?? "2020, unshifted"}) in ${seconds}s: org ${result.orgId}`
        : `Already seeded (${handle.driver}): org ${result.orgId}`,
    );
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
