import "server-only";
import { eq } from "drizzle-orm";
import { reachSettings } from "@/db/schema";
import { defineCommand } from "@/lib/auth/action-core";
import { scheduleFromInput, scheduleSchema } from "@/lib/reach/schedule-fields";
import { scheduleOf } from "@/lib/reach/settings";

/**
 * 提醒与推送: the township's reminder schedule, one row per township (absent
 * means the defaults). The audit keeps the schedule before and after.
 */
export const saveReachSettings = defineCommand(
  { name: "reach.settings", permission: "org.settings", schema: scheduleSchema },
  async (input, ctx) => {
    const [row] = await ctx.tx.select().from(reachSettings).where(eq(reachSettings.orgId, ctx.orgId));
    const before = scheduleOf(row);
    const after = scheduleFromInput(input);
    if (row && JSON.stringify(before) === JSON.stringify(after)) return { data: { saved: false }, audit: [] };
    const values = { ...after, updatedBy: ctx.userId, updatedAt: new Date() };
    await ctx.tx
      .insert(reachSettings)
      .values({ orgId: ctx.orgId, ...values })
      .onConflictDoUpdate({ target: reachSettings.orgId, set: values });
    return {
      data: { saved: true },
      audit: [
        {
          action: "reach.settings",
          entityType: "reach_settings",
          entityId: ctx.orgId,
          // Before the first save the township ran on the defaults.
          before: row ? before : { ...before, defaults: true },
          after,
        },
      ],
    };
  },
);
