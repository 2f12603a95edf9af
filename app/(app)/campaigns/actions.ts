"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import * as assign from "@/lib/commands/campaigns/assign";
import * as campaign from "@/lib/commands/campaigns/campaign";
import * as figures from "@/lib/commands/campaigns/figures";
import * as fromTemplate from "@/lib/commands/campaigns/from-template";
import * as structure from "@/lib/commands/campaigns/structure";
import * as task from "@/lib/commands/campaigns/task";

// Pages are dynamic and the forms refresh the route; these keep the lists that show campaigns current.
const revalidate = ["/campaigns", "/dashboard", "/tasks"];

export const createCampaign = authorizedAction(campaign.createCampaign, { revalidate });
export const updateCampaign = authorizedAction(campaign.updateCampaign, { revalidate });
export const changeCampaignStatus = authorizedAction(campaign.changeCampaignStatus, { revalidate });
export const createCampaignFromTemplate = authorizedAction(fromTemplate.createCampaignFromTemplate, { revalidate });
export const cloneCampaign = authorizedAction(fromTemplate.cloneCampaign, { revalidate });
export const savePhase = authorizedAction(structure.savePhase, { revalidate });
export const deletePhase = authorizedAction(structure.deletePhase, { revalidate });
export const saveActivity = authorizedAction(structure.saveActivity, { revalidate });
export const deleteActivity = authorizedAction(structure.deleteActivity, { revalidate });
export const saveTask = authorizedAction(task.saveTask, { revalidate });
export const deleteTask = authorizedAction(task.deleteTask, { revalidate });
export const saveFigure = authorizedAction(figures.saveFigure, { revalidate });
export const removeFigure = authorizedAction(figures.removeFigure, { revalidate });
export const assignUnits = authorizedAction(assign.assignUnits, { revalidate });
export const setAssignmentDeadline = authorizedAction(assign.setAssignmentDeadline, { revalidate });
export const reassignAssignment = authorizedAction(assign.reassignAssignment, { revalidate });
export const unassign = authorizedAction(assign.unassign, { revalidate });
