"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { remindLaggards, remindUnit } from "@/lib/commands/send-reminders";

export const remindCampaignLaggards = authorizedAction(remindLaggards);
export const remindOneUnit = authorizedAction(remindUnit);
