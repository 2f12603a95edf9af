import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { files, hazards, organizations, publicReports, users } from "../schema";
import type { QueryContext } from "./context";

/**
 * Public reports are unverified and not tied to a unit: only the township's
 * leaders, admins and auditors may read them, never a liaison.
 */
function publicReportScope(ctx: QueryContext) {
  return ctx.role === "liaison" ? sql`false` : eq(publicReports.orgId, ctx.orgId);
}

const reportColumns = {
  id: publicReports.id,
  followUpCode: publicReports.followUpCode,
  description: publicReports.description,
  location: publicReports.location,
  contact: publicReports.contact,
  status: publicReports.status,
  publicReply: publicReports.publicReply,
  hazardId: publicReports.hazardId,
  hazardNumber: hazards.number,
  decidedAt: publicReports.decidedAt,
  decidedByName: users.displayName,
  createdAt: publicReports.createdAt,
};

/** A fresh select of report rows with their hazard number and decider (builders are single-use). */
const selectReports = (ctx: QueryContext) =>
  ctx.db
    .select(reportColumns)
    .from(publicReports)
    .leftJoin(hazards, and(eq(hazards.orgId, publicReports.orgId), eq(hazards.id, publicReports.hazardId)))
    .leftJoin(users, eq(users.id, publicReports.decidedBy));

async function withPhotos<T extends { id: string }>(ctx: QueryContext, reports: T[]) {
  const ids = reports.map((r) => r.id);
  const photos =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ id: files.id, publicReportId: files.publicReportId, originalName: files.originalName, mimeType: files.mimeType })
          .from(files)
          .where(and(eq(files.orgId, ctx.orgId), eq(files.purpose, "public_report"), inArray(files.publicReportId, ids)))
          .orderBy(asc(files.uploadedAt));
  return reports.map((r) => ({ ...r, photos: photos.filter((p) => p.publicReportId === r.id) }));
}

/** The leader's intake queue: reports still waiting (oldest first), then the latest decided ones. */
export async function publicReportQueue(ctx: QueryContext, options: { decidedLimit?: number } = {}) {
  const [waiting, decided] = await Promise.all([
    selectReports(ctx)
      .where(and(publicReportScope(ctx), eq(publicReports.status, "received")))
      .orderBy(asc(publicReports.createdAt)),
    selectReports(ctx)
      .where(and(publicReportScope(ctx), ne(publicReports.status, "received")))
      .orderBy(desc(publicReports.decidedAt))
      .limit(options.decidedLimit ?? 20),
  ]);
  return { waiting: await withPhotos(ctx, waiting), decided: await withPhotos(ctx, decided) };
}

/** One public report, for the accept form; null when not the caller's to see. */
export async function getPublicReport(ctx: QueryContext, reportId: string) {
  if (!z.uuid().safeParse(reportId).success) return null;
  const [row] = await selectReports(ctx)
    .where(and(publicReportScope(ctx), eq(publicReports.id, reportId)))
    .limit(1);
  return row ? (await withPhotos(ctx, [row]))[0]! : null;
}

/** The township's org code, which names its public report page (/report/<code>) for posters and QR codes. */
export async function publicReportPageCode(ctx: QueryContext): Promise<string | null> {
  if (ctx.role === "liaison") return null;
  const [org] = await ctx.db.select({ code: organizations.code }).from(organizations).where(eq(organizations.id, ctx.orgId));
  return org?.code ?? null;
}
