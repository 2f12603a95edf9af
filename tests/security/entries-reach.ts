import { and, eq } from "drizzle-orm";
import { robotConnections } from "@/db/schema";
import { updateOwnProfile } from "@/lib/commands/account-profile";
import { saveReachSettings } from "@/lib/commands/admin/reach-settings";
import { prepareRobotTest } from "@/lib/commands/admin/robot-test";
import { addRobot, deleteRobot, updateRobot } from "@/lib/commands/admin/robots";
import { unique, type Fixtures } from "./fixtures";
import type { ActionEntry } from "./registry";

const REACH = "app/(app)/admin/reach/actions.ts";

/**
 * A fresh robot of township A. A's robots are cleared first: the fuzz accepts
 * many inputs, and a township may keep only MAX_ROBOTS.
 */
async function robot(fx: Fixtures): Promise<string> {
  await fx.world.db.delete(robotConnections).where(eq(robotConnections.orgId, fx.world.a.orgId));
  return (await fx.run(addRobot, "A.admin", robotInput())).robotId;
}

const robotInput = () => ({
  kind: "dingtalk",
  name: "矩阵工作群",
  webhookUrl: `https://oapi.dingtalk.com/robot/send?access_token=matrix${unique()}`,
  secret: "SECmatrix",
  forLiaisons: "on",
  forLeaders: "on",
});

/** 提醒与推送 (app/(app)/admin/reach) and one's own e-mail settings (app/(app)/account). */
export const reachActions: Record<string, ActionEntry> = {
  "app/(app)/account/actions.ts#saveOwnProfile": {
    command: updateOwnProfile,
    scope: "self",
    input: async () => ({ email: `m${unique()}@example.com`, emailNotifications: "on" }),
  },
  [`${REACH}#saveSchedule`]: {
    command: saveReachSettings,
    scope: "org",
    foreign: "own",
    input: async () => ({
      enabled: "on",
      reminderDays: "3,1",
      overdueNotice: "on",
      escalationBlue: "0",
      escalationYellow: "3",
      escalationRed: "7",
      ackLimitHours: "24",
      digestHour: "8",
      quietStartHour: "22",
      quietEndHour: "7",
    }),
  },
  [`${REACH}#createRobot`]: {
    command: addRobot,
    scope: "org",
    foreign: "own",
    input: async (fx) => {
      await fx.world.db.delete(robotConnections).where(eq(robotConnections.orgId, fx.world.a.orgId));
      return robotInput();
    },
  },
  [`${REACH}#editRobot`]: {
    command: updateRobot,
    scope: "org",
    input: async (fx) => ({ robotId: await robot(fx), forLiaisons: "on", enabled: "on" }),
  },
  [`${REACH}#removeRobot`]: {
    command: deleteRobot,
    scope: "org",
    input: async (fx) => ({ robotId: await robot(fx) }),
  },
  // Pointed at a loopback port off the allow-list, so sendToRobot refuses without any request leaving the test.
  [`${REACH}#testRobot`]: {
    command: prepareRobotTest,
    scope: "org",
    input: async (fx) => {
      const robotId = await robot(fx);
      await fx.world.db
        .update(robotConnections)
        .set({ webhookUrl: "http://127.0.0.1:9/robot/send?access_token=matrix" })
        .where(and(eq(robotConnections.orgId, fx.world.a.orgId), eq(robotConnections.id, robotId)));
      return { robotId };
    },
  },
};
