"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { changePassword } from "@/lib/commands/change-password";

export const changeOwnPassword = authorizedAction(changePassword);
