import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { assignments } from "@/db/schema";
import { assignmentScope } from "@/db/queries/scope";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { requireOpenAssignment } from "./campaign-open";

/**
 * 签收: the liaison confirms their unit has received an assignment. It does not
 * change the status; it records who acknowledged and when, once.
 */
export const acknowledgeAssignment = defineCommand(
  {
    name: "assignment.acknowledge",
    permission: "assignment.acknowledge",
    schema: z.object({ assignmentId: z.uuid() }),
  },
  async ({ assignmentId }, ctx) => {
    await requireOpenAssignment(ctx, assignmentId);
    const now = new Date();
    const [updated] = await ctx.tx
      .update(assignments)
      .set({
        acknowledgedAt: now,
        ownerUserId: sql`coalesce(${assignments.ownerUserId}, ${ctx.userId}::uuid)`,
        version: sql`${assignments.version} + 1`,
        updatedAt: now,
      })
      .where(and(assignmentScope(ctx), eq(assignments.id, assignmentId), isNull(assignments.acknowledgedAt)))
      .returning({ version: assignments.version });

    if (!updated) {
      const [existing] = await ctx.tx
        .select({ acknowledgedAt: assignments.acknowledgedAt })
        .from(assignments)
        .where(and(assignmentScope(ctx), eq(assignments.id, assignmentId)));
      if (!existing) throw new ActionError("not_found", "未找到该任务");
      return { data: { acknowledgedAt: existing.acknowledgedAt }, audit: [] };
    }

    return {
      data: { acknowledgedAt: now },
      audit: [
        {
          action: "assignment.acknowledge",
          entityType: "assignment",
          entityId: assignmentId,
          before: { acknowledgedAt: null },
          after: { acknowledgedAt: now.toISOString(), version: updated.version },
        },
      ],
    };
  },
);
