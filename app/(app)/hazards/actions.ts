"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { assignHazard } from "@/lib/commands/hazards/assign-hazard";
import { acceptPublicReport, dismissPublicReport } from "@/lib/commands/hazards/decide-public-report";
import { closeHazard, failReinspection } from "@/lib/commands/hazards/reinspect-hazard";
import { rectifyHazard } from "@/lib/commands/hazards/rectify-hazard";
import { reportHazard } from "@/lib/commands/hazards/report-hazard";
import { uploadHazardPlan } from "@/lib/commands/hazards/upload-hazard-plan";

const revalidate = ["/hazards", "/dashboard"];

export const report = authorizedAction(reportHazard, { revalidate });
export const assign = authorizedAction(assignHazard, { revalidate });
export const rectify = authorizedAction(rectifyHazard, { revalidate });
export const close = authorizedAction(closeHazard, { revalidate });
export const fail = authorizedAction(failReinspection, { revalidate });
export const uploadPlan = authorizedAction(uploadHazardPlan, { revalidate });
export const acceptReport = authorizedAction(acceptPublicReport, { revalidate });
export const dismissReport = authorizedAction(dismissPublicReport, { revalidate });
