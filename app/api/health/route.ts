import { sql } from "drizzle-orm";
import { getDb, noteDatabaseFailure } from "@/db/client";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not. Public: reveals nothing but up/down. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch (error) {
    console.error("[health]", error);
    // Whatever the error, a failing health check means this pool cannot serve: renew it.
    noteDatabaseFailure(error, { certain: true });
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
