"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { handOverUnit } from "@/lib/commands/admin/handover";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/commands/admin/users";

const revalidate = ["/admin/users", "/admin/units"];
export const addUser = authorizedAction(createUser, { revalidate });
export const editUser = authorizedAction(updateUser, { revalidate });
export const activateUser = authorizedAction(setUserActive, { revalidate });
export const resetUserPassword = authorizedAction(resetPassword, { revalidate });
export const handOver = authorizedAction(handOverUnit, { revalidate });
