"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { acknowledgeAssignment } from "@/lib/commands/acknowledge-assignment";

export const acknowledge = authorizedAction(acknowledgeAssignment, { revalidate: ["/tasks"] });
