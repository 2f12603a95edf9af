import "server-only";
import type { Tx } from "./client";
import { auditEvents } from "./schema";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends audit rows inside the caller's transaction, so they commit or roll back with the change. */
export async function writeAudit(
  tx: Tx,
  actor: { orgId: string; userId: string | null },
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}
