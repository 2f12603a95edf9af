"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { markNotificationsRead } from "@/lib/commands/mark-notifications-read";

export const markRead = authorizedAction(markNotificationsRead, { revalidate: ["/notifications"] });
