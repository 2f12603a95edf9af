import { openPostgres } from "@/db/client";
import { getCampaign } from "@/db/queries/campaigns";
import { campaignSheet } from "@/lib/exports/campaign-sheets";
import { SHEET_KEYS } from "@/lib/exports/sheet-keys";
import { contextOf } from "./limits";
import { connect } from "./databases";
async function main() {
  const url = "postgres://postgres@127.0.0.1:5432/duban_bench_small";
  const sql = connect(url);
  const [l] = await sql`select m.user_id, m.org_id from users u join memberships m on m.user_id=u.id where username='t1-leader'`;
  const [c] = await sql`select id from campaigns where org_id=${l!.org_id}`;
  await sql.end();
  const h = openPostgres(url, 2);
  const ctx = await contextOf(h, l!.user_id, l!.org_id);
  const campaign = (await getCampaign(ctx, c!.id))!;
  for (const key of SHEET_KEYS) {
    const t0 = performance.now(); let n = 0; let pages = 0; let worst = 0; let tp = performance.now();
    const sheet = await campaignSheet(key, { ctx, campaign, now: new Date(), origin: "http://x", exporterName: "b" });
    for await (const page of sheet.rows) { n += page.length; pages++; worst = Math.max(worst, performance.now() - tp); tp = performance.now(); }
    console.log(key.padEnd(12), n, "rows", pages, "pages", (performance.now() - t0).toFixed(0), "ms; slowest page", worst.toFixed(0), "ms");
  }
  await h.close();
}
void main();
