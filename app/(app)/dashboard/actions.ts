"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { chaseAcknowledgement } from "@/lib/commands/reach/chase-acknowledgement";
import { remindLaggards, remindUnit } from "@/lib/commands/send-reminders";

export const remindCampaignLaggards = authorizedAction(remindLaggards);
export const remindOneUnit = authorizedAction(remindUnit);
// Nothing on the dashboard changes (the units stay unsigned), so nothing is revalidated, as for 催办.
export const chaseAcknowledgements = authorizedAction(chaseAcknowledgement);
