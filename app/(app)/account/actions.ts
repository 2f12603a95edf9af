"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { updateOwnProfile } from "@/lib/commands/account-profile";
import { changePassword } from "@/lib/commands/change-password";

export const changeOwnPassword = authorizedAction(changePassword);
export const saveOwnProfile = authorizedAction(updateOwnProfile, { revalidate: ["/account"] });
