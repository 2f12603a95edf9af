"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { approveExtension, denyExtension } from "@/lib/commands/decide-extension";
import { approveAssignments, returnAssignment } from "@/lib/commands/review-assignment";

const revalidate = ["/reviews", "/dashboard", "/tasks"];

export const approveSubmissions = authorizedAction(approveAssignments, { revalidate });
export const returnSubmission = authorizedAction(returnAssignment, { revalidate });
export const grantExtension = authorizedAction(approveExtension, { revalidate });
export const refuseExtension = authorizedAction(denyExtension, { revalidate });
