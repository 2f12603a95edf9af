"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { getActor } from "@/lib/auth/session";
import { saveReachSettings } from "@/lib/commands/admin/reach-settings";
import { sendRobotTest } from "@/lib/commands/admin/robot-test";
import { addRobot, deleteRobot, updateRobot } from "@/lib/commands/admin/robots";

export const saveSchedule = authorizedAction(saveReachSettings, { revalidate: ["/admin/reach"] });
export const createRobot = authorizedAction(addRobot, { revalidate: ["/admin/reach"] });
export const editRobot = authorizedAction(updateRobot, { revalidate: ["/admin/reach"] });
export const removeRobot = authorizedAction(deleteRobot, { revalidate: ["/admin/reach"] });

/** Sends outside the transaction (see sendRobotTest), so it is not an authorizedAction; the checks are the same. */
export async function testRobot(input: unknown) {
  const result = await sendRobotTest(getDb(), await getActor(), input);
  if (result.ok) revalidatePath("/admin/deliveries");
  return result;
}
