import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "@/db/audit";
import type { Db, Queryable } from "@/db/client";
import { organizations, publicReports } from "@/db/schema";
import { formDataToObject } from "@/lib/auth/action-core";
import { EVIDENCE_MIME_TYPES } from "@/lib/files/sniff";
import { readUpload, storeFiles, type CheckedFile } from "@/lib/files/uploads";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "@/lib/storable-text";
import type { BlobStore } from "@/lib/storage/blob-store";

/**
 * The public 隐患举报 page's write and lookup paths. Nobody is signed in here,
 * so this does not go through executeAction: it validates on its own, limits
 * reports per address in the database (so the limit holds across app
 * instances), and never returns anything but the reporter's own report.
 */
export const PUBLIC_REPORT_LIMITS = {
  description: 2000,
  location: 200,
  contact: 100,
  photoBytes: 10 * 1024 * 1024,
  perHour: 5,
  /** A backstop per township, since an address can be forged where no trusted proxy sets it. */
  perTownshipPerHour: 100,
} as const;

const HOUR_MS = 60 * 60 * 1000;
/** No 0/O, 1/I/L: codes are read off a phone and typed back in. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 10;
const PHOTO_TYPES: ReadonlySet<string> = new Set([
  EVIDENCE_MIME_TYPES.jpg,
  EVIDENCE_MIME_TYPES.png,
  EVIDENCE_MIME_TYPES.webp,
  EVIDENCE_MIME_TYPES.heic,
  EVIDENCE_MIME_TYPES.heif,
]);

const text = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请填写${label}` }).min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`),
  );

const schema = z.object({
  description: text("隐患描述", PUBLIC_REPORT_LIMITS.description),
  location: text("隐患位置", PUBLIC_REPORT_LIMITS.location),
  contact: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim() : null),
    z.string().max(PUBLIC_REPORT_LIMITS.contact, `联系方式不能超过 ${PUBLIC_REPORT_LIMITS.contact} 字`).nullable(),
  ),
  // Hidden from people; a bot that fills every field fills this one too.
  website: z.preprocess((v) => (typeof v === "string" ? v : ""), z.literal("", { error: "提交失败，请刷新页面后重试" })),
  // An empty file input sends one nameless, empty File, which is not a photo.
  photo: z.preprocess(
    (v) => {
      const chosen = (Array.isArray(v) ? v : [v]).filter((f) => f !== undefined && !(f instanceof File && f.size === 0 && f.name === ""));
      return chosen.length === 0 ? null : chosen.length === 1 ? chosen[0] : chosen;
    },
    z.instanceof(File, { error: "只能上传一张照片" }).nullable(),
  ),
});

export type PublicReportResult =
  | { ok: true; code: string }
  | { ok: false; status: 400 | 404 | 413 | 429; message: string; fieldErrors?: Record<string, string[]> };

/** What is stored instead of the address: an HMAC, so the address itself is never kept. */
export function sourceHashOf(address: string, secret: string): string {
  return createHmac("sha256", secret).update(address).digest("hex");
}

export function newFollowUpCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** A typed-in code, uppercased without spaces or dashes; null when it cannot be a code. */
export function normalizeFollowUpCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, "");
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** The township behind a public page's org code (only its id and public name), or null. */
export async function findPublicTownship(db: Queryable, orgCode: string) {
  // A server action's arguments are whatever the request sent, not necessarily a string.
  if (typeof orgCode !== "string" || !/^[0-9A-Za-z-]{1,40}$/.test(orgCode)) return null;
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.code, orgCode), eq(organizations.kind, "township")));
  return org ?? null;
}

function invalid(message: string, fieldErrors?: Record<string, string[]>): PublicReportResult {
  return { ok: false, status: 400, message, ...(fieldErrors ? { fieldErrors } : {}) };
}

/**
 * Files one public report: checks the input and the photo, then in one
 * transaction counts the address's reports of the last hour and writes the
 * report, its photo row and the audit row. Returns the follow-up code.
 */
export async function submitPublicReport(
  db: Db,
  args: { orgCode: string; address: string; secret: string; input: unknown; store?: BlobStore; now?: Date },
): Promise<PublicReportResult> {
  const township = await findPublicTownship(db, args.orgCode);
  if (!township) return { ok: false, status: 404, message: "未找到该乡镇" };

  const raw = formDataToObject(args.input);
  const unstorable = unstorableTextPath(raw);
  if (unstorable) return invalid(UNSTORABLE_TEXT_MESSAGE, { [unstorable]: [UNSTORABLE_TEXT_MESSAGE] });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return invalid(parsed.error.issues[0]?.message ?? "输入有误，请检查后重试", fieldErrors);
  }
  const input = parsed.data;

  let photo: CheckedFile | null = null;
  if (input.photo) {
    if (input.photo.size > PUBLIC_REPORT_LIMITS.photoBytes) {
      return { ok: false, status: 413, message: "照片不能超过 10 MB，请压缩后再上传", fieldErrors: { photo: ["照片不能超过 10 MB"] } };
    }
    const upload = await readUpload(input.photo);
    if (!upload.mimeType || !PHOTO_TYPES.has(upload.mimeType)) {
      return invalid("所选文件不是照片，请选择 jpg、png、webp 或 heic 格式的照片", { photo: ["不是照片"] });
    }
    photo = { ...upload, mimeType: upload.mimeType };
  }

  const now = args.now ?? new Date();
  const sourceHash = sourceHashOf(args.address, args.secret);
  return db.transaction(async (tx) => {
    // One address at a time, so two reports sent together cannot both slip under the limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${sourceHash}))`);
    const since = new Date(now.getTime() - HOUR_MS);
    const [recent] = await tx
      .select({ n: count() })
      .from(publicReports)
      .where(and(eq(publicReports.sourceHash, sourceHash), gt(publicReports.createdAt, since)));
    const [townshipRecent] = await tx
      .select({ n: count() })
      .from(publicReports)
      .where(and(eq(publicReports.orgId, township.id), gt(publicReports.createdAt, since)));
    if ((recent?.n ?? 0) >= PUBLIC_REPORT_LIMITS.perHour || (townshipRecent?.n ?? 0) >= PUBLIC_REPORT_LIMITS.perTownshipPerHour) {
      return { ok: false as const, status: 429 as const, message: "提交过于频繁，请一小时后再试；紧急情况请拨打 119 或 12350" };
    }
    const code = newFollowUpCode();
    const [report] = await tx
      .insert(publicReports)
      .values({
        orgId: township.id,
        followUpCode: code,
        description: input.description,
        location: input.location,
        contact: input.contact,
        sourceHash,
        createdAt: now,
      })
      .returning({ id: publicReports.id });
    const stored = await storeFiles(
      tx,
      { orgId: township.id, userId: null },
      { purpose: "public_report", publicReportId: report!.id },
      photo ? [photo] : [],
      { now, store: args.store },
    );
    await writeAudit(tx, { orgId: township.id, userId: null }, [
      {
        action: "public_report.create",
        entityType: "public_report",
        entityId: report!.id,
        after: { location: input.location, hasContact: input.contact !== null, photoFileId: stored.ids[0] ?? null },
      },
      ...stored.audit,
    ]);
    return { ok: true as const, code };
  });
}

/** What the reporter may see of their own report: its status and the public reply, nothing else. */
export async function lookupPublicReport(db: Queryable, orgCode: string, rawCode: string) {
  const code = normalizeFollowUpCode(rawCode);
  if (!code) return null;
  const [row] = await db
    .select({
      status: publicReports.status,
      publicReply: publicReports.publicReply,
      createdAt: publicReports.createdAt,
      decidedAt: publicReports.decidedAt,
    })
    .from(publicReports)
    .innerJoin(organizations, eq(organizations.id, publicReports.orgId))
    .where(and(eq(organizations.code, orgCode), eq(publicReports.followUpCode, code)));
  return row ?? null;
}
