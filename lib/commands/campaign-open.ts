import "server-only";
import { and, eq } from "drizzle-orm";
import { assignments, campaigns, tasks } from "@/db/schema";
import { assignmentScope, campaignOfTask, taskOfAssignment } from "@/db/queries/scope";
import { ActionError, type ActionContext } from "@/lib/auth/action-core";

/**
 * Work on an assignment (submitting, reviewing, 签收, extensions) happens only
 * while its campaign is active: a draft is not yet issued, and a closed
 * campaign's record is what auditors filed. Reopening the campaign allows it again.
 * Returns the assignment's scoped row, or not_found.
 */
export async function requireOpenAssignment(ctx: ActionContext, assignmentId: string) {
  const [row] = await ctx.tx
    .select({
      status: assignments.status,
      version: assignments.version,
      taskId: assignments.taskId,
      unitId: assignments.unitId,
      campaignStatus: campaigns.status,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .where(and(assignmentScope(ctx), eq(assignments.id, assignmentId)));
  if (!row) throw new ActionError("not_found", "未找到该任务");
  if (row.campaignStatus !== "active") {
    throw new ActionError("conflict", row.campaignStatus === "closed" ? "该活动已结束，不能再办理" : "该活动尚未发布，不能办理");
  }
  return row;
}
