import { bigint, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { filePurpose } from "./enums";
import { submissions } from "./assignments";
import { hazards, publicReports } from "./hazards";
import { users } from "./organizations";

/**
 * A stored file: evidence of a submission, a hazard's before/after photos or plan,
 * or a public report's photo. The type is sniffed from the bytes; the storage key
 * is never derived from the client's file name.
 */
export const files = pgTable(
  "files",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    purpose: filePurpose().notNull(),
    submissionId: uuid(),
    hazardId: uuid(),
    publicReportId: uuid(),
    storageKey: text().notNull(),
    originalName: text().notNull(),
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    uploadedBy: uuid().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.submissionId], foreignColumns: [submissions.orgId, submissions.id] }),
    foreignKey({ columns: [t.orgId, t.hazardId], foreignColumns: [hazards.orgId, hazards.id] }),
    foreignKey({ columns: [t.orgId, t.publicReportId], foreignColumns: [publicReports.orgId, publicReports.id] }),
    index("files_org_submission_idx").on(t.orgId, t.submissionId),
    index("files_org_hazard_idx").on(t.orgId, t.hazardId),
    check(
      "files_one_owner",
      sql`num_nonnulls(${t.submissionId}, ${t.hazardId}, ${t.publicReportId}) = 1`,
    ),
  ],
);
