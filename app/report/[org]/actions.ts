"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { submitPublicReport, type PublicReportResult } from "@/lib/public/public-report";

/**
 * The public report page's one write. Nobody is signed in: it is validated,
 * rate-limited and written by lib/public/public-report, never through the
 * signed-in action wrapper. A database error is logged, never shown.
 */
export async function submitReport(orgCode: string, input: FormData): Promise<PublicReportResult> {
  try {
    return await submitPublicReport(getDb(), {
      orgCode,
      address: clientAddress(await headers()),
      // The session secret keys the address hash; the fallback only serves `next dev` without one.
      secret: process.env.NEXTAUTH_SECRET || "duban-dev-public-report",
      input,
    });
  } catch (error) {
    console.error("[public report]", error);
    return { ok: false, status: 400, message: "服务暂时不可用，请稍后重试" };
  }
}
