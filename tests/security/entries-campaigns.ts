import * as assign from "@/lib/commands/campaigns/assign";
import * as campaign from "@/lib/commands/campaigns/campaign";
import * as figures from "@/lib/commands/campaigns/figures";
import * as fromTemplate from "@/lib/commands/campaigns/from-template";
import * as structure from "@/lib/commands/campaigns/structure";
import * as task from "@/lib/commands/campaigns/task";
import { dayFromToday, unique } from "./fixtures";
import type { ActionEntry } from "./registry";

const FILE = "app/(app)/campaigns/actions.ts";
const dates = () => ({ startsOn: dayFromToday(0), endsOn: dayFromToday(60) });

/** The campaign editor's actions (app/(app)/campaigns/actions.ts). */
export const campaignActions: Record<string, ActionEntry> = {
  [`${FILE}#createCampaign`]: {
    command: campaign.createCampaign,
    scope: "org",
    foreign: "own",
    input: async () => ({ name: `新活动 ${unique()}`, ...dates() }),
  },
  [`${FILE}#updateCampaign`]: {
    command: campaign.updateCampaign,
    scope: "org",
    input: async (fx) => ({ campaignId: await fx.draftCampaign(), name: "改名活动", ...dates() }),
  },
  [`${FILE}#changeCampaignStatus`]: {
    command: campaign.changeCampaignStatus,
    scope: "org",
    input: async (fx) => ({ campaignId: await fx.draftCampaign(), status: "active" }),
  },
  [`${FILE}#createCampaignFromTemplate`]: {
    command: fromTemplate.createCampaignFromTemplate,
    scope: "org",
    foreign: "own",
    input: async () => ({ source: "builtin", builtinKey: "safety-month-2020", year: 2031, assignByKinds: false }),
  },
  [`${FILE}#cloneCampaign`]: {
    command: fromTemplate.cloneCampaign,
    scope: "org",
    input: async (fx) => ({ campaignId: fx.world.a.campaignId, year: 2032, assignByKinds: false }),
  },
  [`${FILE}#savePhase`]: {
    command: structure.savePhase,
    scope: "org",
    input: async (fx) => ({ campaignId: fx.world.a.campaignId, name: "新阶段", startsOn: dayFromToday(0), endsOn: dayFromToday(3) }),
  },
  [`${FILE}#deletePhase`]: { command: structure.deletePhase, scope: "org", input: async (fx) => ({ phaseId: await fx.phase() }) },
  [`${FILE}#saveActivity`]: {
    command: structure.saveActivity,
    scope: "org",
    input: async (fx) => ({ campaignId: fx.world.a.campaignId, title: "新工作项", description: "说明" }),
  },
  [`${FILE}#deleteActivity`]: { command: structure.deleteActivity, scope: "org", input: async (fx) => ({ activityId: await fx.activity() }) },
  [`${FILE}#saveTask`]: {
    command: task.saveTask,
    scope: "org",
    input: async (fx) => ({
      campaignId: fx.world.a.campaignId,
      activityId: fx.world.a.activityId,
      title: "新任务",
      deadline: dayFromToday(20),
      applicableUnitKinds: ["village"],
      evidenceRequired: ["photo"],
    }),
  },
  [`${FILE}#deleteTask`]: { command: task.deleteTask, scope: "org", input: async (fx) => ({ taskId: await fx.task() }) },
  [`${FILE}#saveFigure`]: {
    command: figures.saveFigure,
    scope: "org",
    input: async (fx) => ({ taskId: await fx.task(), name: "横幅", measureUnit: "条", target: "10" }),
  },
  [`${FILE}#removeFigure`]: {
    command: figures.removeFigure,
    scope: "org",
    input: async (fx) => ({ figureId: (await fx.figure()).figureId }),
  },
  [`${FILE}#assignUnits`]: {
    command: assign.assignUnits,
    scope: "org",
    input: async (fx) => ({ campaignId: fx.world.a.campaignId, taskIds: [await fx.task()], unitIds: [fx.world.a.unitX] }),
  },
  [`${FILE}#setAssignmentDeadline`]: {
    command: assign.setAssignmentDeadline,
    scope: "org",
    input: async (fx) => ({ assignmentId: (await fx.assignment()).id, deadline: dayFromToday(25) }),
  },
  [`${FILE}#reassignAssignment`]: {
    command: assign.reassignAssignment,
    scope: "org",
    input: async (fx) => ({ assignmentId: (await fx.assignment()).id, unitId: fx.world.a.unitY }),
  },
  [`${FILE}#unassign`]: { command: assign.unassign, scope: "org", input: async (fx) => ({ assignmentId: (await fx.assignment()).id }) },
};
