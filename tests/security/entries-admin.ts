import { DEMO_PASSWORD } from "@/db/seed";
import { handOverUnit } from "@/lib/commands/admin/handover";
import { importUnits, importUsers, previewUnitImport, previewUserImport } from "@/lib/commands/admin/import";
import { createUnit, setUnitArchived, updateUnit } from "@/lib/commands/admin/units";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/commands/admin/users";
import { changePassword } from "@/lib/commands/change-password";
import { csvFile, unique } from "./fixtures";
import type { ActionEntry } from "./registry";

const UNIT_HEAD = "单位编码,单位名称,单位类型,责任人,联系电话";
const USER_HEAD = "姓名,用户名,手机号,角色,所属单位编码";
const unitsCsv = () => ({ file: csvFile(UNIT_HEAD, `MI-${unique()},导入村,村,,`) });

/** Account and township administration actions (app/(app)/account, app/(app)/admin/**). */
export const adminActions: Record<string, ActionEntry> = {
  "app/(app)/account/actions.ts#changeOwnPassword": {
    command: changePassword,
    scope: "self",
    input: async () => ({ currentPassword: DEMO_PASSWORD, newPassword: "Matrix#2026a", confirmPassword: "Matrix#2026a" }),
  },
  "app/(app)/admin/import/actions.ts#previewUnits": { command: previewUnitImport, scope: "org", foreign: "own", input: async () => unitsCsv() },
  "app/(app)/admin/import/actions.ts#runUnitImport": { command: importUnits, scope: "org", foreign: "own", input: async () => unitsCsv() },
  "app/(app)/admin/import/actions.ts#previewUsers": {
    command: previewUserImport,
    scope: "org",
    foreign: "own",
    input: async (fx) => ({ file: csvFile(USER_HEAD, `导入甲,${fx.world.a.prefix}i${unique()},,督查,`) }),
  },
  "app/(app)/admin/import/actions.ts#runUserImport": {
    command: importUsers,
    scope: "org",
    foreign: "own",
    input: async (fx) => ({ file: csvFile(USER_HEAD, `导入乙,${fx.world.a.prefix}i${unique()},,督查,`) }),
  },
  "app/(app)/admin/units/actions.ts#addUnit": {
    command: createUnit,
    scope: "org",
    foreign: "own",
    input: async () => ({ kind: "enterprise", code: `MU-${unique()}`, name: "新企业" }),
  },
  "app/(app)/admin/units/actions.ts#editUnit": {
    command: updateUnit,
    scope: "org",
    input: async (fx) => ({ unitId: await fx.unit(), kind: "enterprise", code: `ME-${unique()}`, name: "改名企业" }),
  },
  "app/(app)/admin/units/actions.ts#archiveUnit": {
    command: setUnitArchived,
    scope: "org",
    input: async (fx) => ({ unitId: await fx.unit(), archived: true }),
  },
  "app/(app)/admin/users/actions.ts#addUser": {
    command: createUser,
    scope: "org",
    foreign: "own",
    input: async (fx) => ({ username: `${fx.world.a.prefix}n${unique()}`, displayName: "新用户", role: "auditor" }),
  },
  "app/(app)/admin/users/actions.ts#editUser": {
    command: updateUser,
    scope: "org",
    input: async (fx) => ({ userId: await fx.user(), displayName: "改名", role: "auditor" }),
  },
  "app/(app)/admin/users/actions.ts#activateUser": {
    command: setUserActive,
    scope: "org",
    input: async (fx) => ({ userId: await fx.user(), active: false }),
  },
  "app/(app)/admin/users/actions.ts#resetUserPassword": {
    command: resetPassword,
    scope: "org",
    input: async (fx) => ({ userId: await fx.user() }),
  },
  "app/(app)/admin/users/actions.ts#handOver": {
    command: handOverUnit,
    scope: "org",
    input: async (fx) => ({ fromUserId: await fx.user("liaison"), newUsername: `${fx.world.a.prefix}h${unique()}`, newDisplayName: "接任人" }),
  },
};
