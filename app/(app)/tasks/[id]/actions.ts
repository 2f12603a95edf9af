"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { acknowledgeAssignment } from "@/lib/commands/acknowledge-assignment";
import { issueSupervisionOrder } from "@/lib/commands/reach/issue-supervision-order";
import { requestExtension } from "@/lib/commands/request-extension";
import { submitAssignment } from "@/lib/commands/submit-assignment";

export const acknowledge = authorizedAction(acknowledgeAssignment, { revalidate: ["/tasks"] });
export const submit = authorizedAction(submitAssignment, { revalidate: ["/tasks"] });
export const askForExtension = authorizedAction(requestExtension, { revalidate: ["/tasks"] });
export const issueSupervision = authorizedAction(issueSupervisionOrder, { revalidate: ["/tasks"] });
