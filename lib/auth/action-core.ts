import "server-only";
import type { z } from "zod";
import { writeAudit, type AuditEntry } from "@/db/audit";
import { noteDatabaseFailure, type Db, type Tx } from "@/db/client";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { wakeOutbox } from "@/lib/reach/wake";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "@/lib/storable-text";
import { can, type Permission } from "./permissions";

export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid" | "not_found" | "conflict" | "unavailable";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** Thrown inside an action body to refuse with a typed error; the transaction rolls back. */
export class ActionError extends Error {
  constructor(
    readonly code: Exclude<ActionErrorCode, "unavailable">,
    message: string,
    /** Problems by path, for refusals found after parsing (e.g. a template's cross-references). */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export interface ActionConfig<S extends z.ZodType> {
  /** Stable name, used in logs and the access registry. */
  name: string;
  schema: S;
  permission: Permission;
}

export type ActionContext = QueryContext & { tx: Tx };

/** What an action body returns: its result and the audit rows for what it changed. */
export interface ActionOutcome<T> {
  data: T;
  audit: AuditEntry[];
}

export type ActionBody<S extends z.ZodType, T> = (input: z.infer<S>, ctx: ActionContext) => Promise<ActionOutcome<T>>;

export interface Actor {
  userId: string;
  orgId: string;
}

const MESSAGES: Record<ActionErrorCode, string> = {
  unauthenticated: "请先登录",
  forbidden: "没有权限执行此操作",
  invalid: "输入有误，请检查后重试",
  not_found: "未找到该记录",
  conflict: "该记录已被他人修改，请刷新后重试",
  unavailable: "服务暂时不可用，请稍后重试",
};

function fail(code: ActionErrorCode, message = MESSAGES[code], fieldErrors?: Record<string, string[]>) {
  return { ok: false as const, code, message, ...(fieldErrors ? { fieldErrors } : {}) };
}

/** Forms send FormData; repeated keys become arrays, everything else stays a string or File. */
export function formDataToObject(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = input.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * The one path every write takes: session → active membership in the org →
 * permission (and no pending forced password change) → storable text → input
 * validation → the body and its audit rows in one transaction. Database
 * errors are logged, renew the pool after an outage, and are reported
 * generically.
 */
export async function executeAction<S extends z.ZodType, T>(
  db: Db,
  actor: Actor | null,
  config: ActionConfig<S>,
  rawInput: unknown,
  body: ActionBody<S, T>,
): Promise<ActionResult<T>> {
  if (!actor) return fail("unauthenticated");
  try {
    const membership = await loadMembership(db, actor.userId, actor.orgId);
    if (!membership) return fail("unauthenticated");
    if (!can(membership.role, config.permission)) return fail("forbidden");
    // A reset password must be changed before anything else (pages redirect; actions refuse).
    if (membership.mustChangePassword && config.permission !== "account.password") {
      return fail("forbidden", "请先修改密码后再继续操作");
    }

    const input = formDataToObject(rawInput);
    const unstorable = unstorableTextPath(input);
    if (unstorable) return fail("invalid", UNSTORABLE_TEXT_MESSAGE, { [unstorable]: [UNSTORABLE_TEXT_MESSAGE] });
    const parsed = config.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return fail("invalid", MESSAGES.invalid, fieldErrors);
    }

    const data = await db.transaction(async (tx) => {
      const ctx: ActionContext = { ...contextFor(tx, membership), tx };
      const outcome = await body(parsed.data, ctx);
      await writeAudit(tx, { orgId: ctx.orgId, userId: ctx.userId }, outcome.audit);
      return outcome.data;
    });
    wakeOutbox();
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ActionError) return fail(error.code, error.message, error.fieldErrors);
    console.error(`[action ${config.name}]`, error);
    noteDatabaseFailure(error);
    return fail("unavailable");
  }
}

/** A server action's definition, independent of Next.js, so tests run it through executeAction. */
export interface Command<S extends z.ZodType, T> {
  config: ActionConfig<S>;
  body: ActionBody<S, T>;
}

export function defineCommand<S extends z.ZodType, T>(config: ActionConfig<S>, body: ActionBody<S, T>): Command<S, T> {
  return { config, body };
}
