import { assignHazard } from "@/lib/commands/hazards/assign-hazard";
import { acceptPublicReport, dismissPublicReport } from "@/lib/commands/hazards/decide-public-report";
import { closeHazard, failReinspection } from "@/lib/commands/hazards/reinspect-hazard";
import { rectifyHazard } from "@/lib/commands/hazards/rectify-hazard";
import { reportHazard } from "@/lib/commands/hazards/report-hazard";
import { uploadHazardPlan } from "@/lib/commands/hazards/upload-hazard-plan";
import { acknowledgeAssignment } from "@/lib/commands/acknowledge-assignment";
import { approveExtension, denyExtension } from "@/lib/commands/decide-extension";
import { markNotificationsRead } from "@/lib/commands/mark-notifications-read";
import { chaseAcknowledgement } from "@/lib/commands/reach/chase-acknowledgement";
import { issueSupervisionOrder } from "@/lib/commands/reach/issue-supervision-order";
import { requestExtension } from "@/lib/commands/request-extension";
import { approveAssignments, returnAssignment } from "@/lib/commands/review-assignment";
import { remindLaggards, remindUnit } from "@/lib/commands/send-reminders";
import { submitAssignment } from "@/lib/commands/submit-assignment";
import { pdfBytes } from "../helpers/evidence-bytes";
import { photoFile } from "../helpers/hazards";
import { dayFromToday } from "./fixtures";
import type { ActionEntry } from "./registry";

const HAZARDS = "app/(app)/hazards/actions.ts";
const pdf = () => new File([pdfBytes()], "整改方案.pdf", { type: "application/pdf" });

/** The daily work: tasks, reviews, reminders, notifications, hazards and the public report. */
export const workActions: Record<string, ActionEntry> = {
  "app/(app)/dashboard/actions.ts#remindCampaignLaggards": {
    command: remindLaggards,
    scope: "org",
    input: async (fx) => ({ campaignId: fx.world.a.campaignId, scope: "both" }),
  },
  "app/(app)/dashboard/actions.ts#remindOneUnit": {
    command: remindUnit,
    scope: "org",
    input: async (fx) => ({ unitId: fx.world.a.unitX, campaignId: fx.world.a.campaignId, message: "请抓紧" }),
  },
  "app/(app)/dashboard/actions.ts#chaseAcknowledgements": {
    command: chaseAcknowledgement,
    scope: "org",
    input: async (fx) => ({ campaignId: fx.world.a.campaignId, unitId: (await fx.lateUnsigned()).unitId }),
  },
  "app/(app)/notifications/actions.ts#markRead": {
    command: markNotificationsRead,
    scope: "owner",
    silentRefusal: true,
    input: async (fx) => ({ ids: [await fx.unreadNotification()] }),
  },
  "app/(app)/tasks/[id]/actions.ts#acknowledge": {
    command: acknowledgeAssignment,
    scope: "unit",
    input: async (fx) => ({ assignmentId: (await fx.assignment()).id }),
  },
  "app/(app)/tasks/[id]/actions.ts#submit": {
    command: submitAssignment,
    scope: "unit",
    input: async (fx) => {
      const a = await fx.assignment();
      return { assignmentId: a.id, expectedVersion: a.version, note: "已完成自查", files: [photoFile()] };
    },
  },
  "app/(app)/tasks/[id]/actions.ts#askForExtension": {
    command: requestExtension,
    scope: "unit",
    input: async (fx) => ({ assignmentId: (await fx.assignment()).id, requestedDeadline: dayFromToday(40), reason: "雨季施工" }),
  },
  "app/(app)/tasks/[id]/actions.ts#issueSupervision": {
    command: issueSupervisionOrder,
    scope: "org",
    input: async (fx) => ({ assignmentId: (await fx.assignment()).id, level: "red", note: "请于本周五前完成整改并上传照片" }),
  },
  "app/(app)/reviews/actions.ts#approveSubmissions": {
    command: approveAssignments,
    scope: "org",
    input: async (fx) => {
      const s = await fx.submitted();
      return { items: [{ assignmentId: s.id, version: s.version }] };
    },
  },
  "app/(app)/reviews/actions.ts#returnSubmission": {
    command: returnAssignment,
    scope: "org",
    input: async (fx) => {
      const s = await fx.submitted();
      return { assignmentId: s.id, version: s.version, reason: "照片不清晰" };
    },
  },
  "app/(app)/reviews/actions.ts#grantExtension": {
    command: approveExtension,
    scope: "org",
    input: async (fx) => ({ requestId: await fx.pendingExtension() }),
  },
  "app/(app)/reviews/actions.ts#refuseExtension": {
    command: denyExtension,
    scope: "org",
    input: async (fx) => ({ requestId: await fx.pendingExtension(), reason: "理由不充分" }),
  },
  [`${HAZARDS}#report`]: {
    command: reportHazard,
    scope: "unit",
    input: async (fx) => ({
      unitId: fx.world.a.unitX,
      title: "消防通道堵塞",
      description: "杂物堆放",
      location: "2组",
      foundOn: dayFromToday(0),
      photos: [photoFile()],
    }),
  },
  [`${HAZARDS}#assign`]: {
    command: assignHazard,
    scope: "org",
    input: async (fx) => {
      const h = await fx.hazard("reported");
      return {
        hazardId: h.id,
        expectedVersion: h.version,
        responsibleUnitId: fx.world.a.unitX,
        responsiblePerson: "李志强",
        rectificationDeadline: dayFromToday(10),
        measures: "清理杂物",
        level: "general",
      };
    },
  },
  [`${HAZARDS}#rectify`]: {
    command: rectifyHazard,
    scope: "unit",
    input: async (fx) => {
      const h = await fx.hazard("rectifying");
      return { hazardId: h.id, expectedVersion: h.version, note: "已清理", rectifiedOn: dayFromToday(0), photos: [photoFile()] };
    },
  },
  [`${HAZARDS}#close`]: {
    command: closeHazard,
    scope: "org",
    input: async (fx) => {
      const h = await fx.hazard("rectified");
      return { hazardId: h.id, expectedVersion: h.version, result: "复查合格" };
    },
  },
  [`${HAZARDS}#fail`]: {
    command: failReinspection,
    scope: "org",
    input: async (fx) => {
      const h = await fx.hazard("rectified");
      return { hazardId: h.id, expectedVersion: h.version, reason: "仍有杂物" };
    },
  },
  [`${HAZARDS}#uploadPlan`]: {
    command: uploadHazardPlan,
    scope: "unit",
    input: async (fx) => ({ hazardId: (await fx.hazard("rectifying")).id, plans: [pdf()] }),
  },
  [`${HAZARDS}#acceptReport`]: {
    command: acceptPublicReport,
    scope: "org",
    input: async (fx) => ({
      reportId: await fx.publicReport(),
      unitId: fx.world.a.unitX,
      title: "河堤护栏断裂",
      level: "general",
      publicReply: "已受理",
    }),
  },
  [`${HAZARDS}#dismissReport`]: {
    command: dismissPublicReport,
    scope: "org",
    input: async (fx) => ({ reportId: await fx.publicReport(), reason: "已修复" }),
  },
  "app/report/[org]/actions.ts#submitReport": {
    command: "public",
    scope: "org",
    input: async (fx) => ({ orgCode: fx.world.a.code, description: "路灯不亮", location: "场镇", contact: "", website: "" }),
    // The page passes its org code and the form; a crafted request may send anything for either.
    invoke: (action, input) => {
      if (input === null || typeof input !== "object" || Array.isArray(input) || input instanceof FormData) return action(undefined, input);
      const { orgCode, ...form } = input as Record<string, unknown>;
      return action(orgCode, form);
    },
  },
};
