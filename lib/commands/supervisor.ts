import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-core";

/** A 分管领导 (of a unit or an activity) must be an active leader or admin of this township. */
export async function assertSupervisor(tx: Tx, orgId: string, userId: string): Promise<void> {
  const [row] = await tx
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        inArray(memberships.role, ["leader", "admin"]),
        eq(memberships.active, true),
        eq(users.active, true),
      ),
    );
  if (!row) {
    throw new ActionError("invalid", "分管领导须为本镇在岗的镇领导或管理员", { supervisorUserId: ["请从列表中选择分管领导"] });
  }
}
