import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/session";
import { countyExportResponse } from "@/lib/county-export";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/** GET ?template=<key>: the county roll-up of that campaign template as one XLSX workbook. */
export const GET = answersOutage(async function GET(request: Request) {
  const template = new URL(request.url).searchParams.get("template");
  return countyExportResponse(getDb(), await getActor(), template);
});
