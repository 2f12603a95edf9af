import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { getAssignmentDetail } from "@/db/queries/assignments";
import { assignments, campaigns, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { assignmentOf, liaisonOf } from "@/tests/helpers/workflow";
import { acknowledgeAssignment } from "./acknowledge-assignment";
import { submitAssignment } from "./submit-assignment";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgId: string;

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("open") })).orgId;
});

afterAll(async () => {
  await handle?.close();
});

const setCampaignStatus = (campaignId: string, status: "draft" | "active" | "closed") =>
  handle.db.update(campaigns).set({ status }).where(eq(campaigns.id, campaignId));

describe("work happens only while the campaign is active", () => {
  it("a closed or draft campaign refuses 签收 and submissions; reopened, it accepts them", async () => {
    const liaison = await liaisonOf(handle.db, orgId, "青杠村");
    const pending = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: false });
    const [task] = await handle.db.select({ campaignId: tasks.campaignId }).from(tasks).where(eq(tasks.id, pending.taskId));
    const target = { id: pending.id, version: pending.version, campaignId: task!.campaignId };
    const ack = () => executeAction(handle.db, liaison.actor, acknowledgeAssignment.config, { assignmentId: target.id }, acknowledgeAssignment.body);
    const submit = () =>
      executeAction(
        handle.db,
        liaison.actor,
        submitAssignment.config,
        { assignmentId: target.id, expectedVersion: target.version, note: "已完成" },
        submitAssignment.body,
      );

    await setCampaignStatus(target.campaignId, "closed");
    expect(await ack()).toMatchObject({ ok: false, code: "conflict", message: "该活动已结束，不能再办理" });
    expect(await submit()).toMatchObject({ ok: false, code: "conflict" });

    await setCampaignStatus(target.campaignId, "draft");
    expect(await submit()).toMatchObject({ ok: false, code: "conflict", message: "该活动尚未发布，不能办理" });
    const ctx = contextFor(handle.db, (await loadMembership(handle.db, liaison.actor.userId, orgId))!);
    expect(await getAssignmentDetail(ctx, target.id)).toBeNull();

    await setCampaignStatus(target.campaignId, "active");
    expect(await submit()).toMatchObject({ ok: true });
    const [after] = await handle.db.select({ status: assignments.status }).from(assignments).where(eq(assignments.id, target.id));
    expect(after!.status).toBe("submitted");
  });
});
