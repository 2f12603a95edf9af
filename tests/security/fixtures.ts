import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { assignments, campaigns, files, notifications, publicReports, taskFigures } from "@/db/schema";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { createUnit } from "@/lib/commands/admin/units";
import { createUser } from "@/lib/commands/admin/users";
import { assignUnits } from "@/lib/commands/campaigns/assign";
import { createCampaign } from "@/lib/commands/campaigns/campaign";
import { saveFigure } from "@/lib/commands/campaigns/figures";
import { saveActivity, savePhase } from "@/lib/commands/campaigns/structure";
import { saveTask } from "@/lib/commands/campaigns/task";
import { assignHazard } from "@/lib/commands/hazards/assign-hazard";
import { rectifyHazard } from "@/lib/commands/hazards/rectify-hazard";
import { reportHazard } from "@/lib/commands/hazards/report-hazard";
import { requestExtension } from "@/lib/commands/request-extension";
import { remindUnit } from "@/lib/commands/send-reminders";
import { submitAssignment } from "@/lib/commands/submit-assignment";
import { shanghaiDay } from "@/lib/deadline-day";
import { submitPublicReport } from "@/lib/public/public-report";
import { photoFile } from "../helpers/hazards";
import type { World } from "./world";

/** A calendar day `days` from today in the township's time zone. */
export const dayFromToday = (days: number) => shanghaiDay(new Date(Date.now() + days * 86_400_000));

let serial = 0;
/** A short token unique within the run, for codes and usernames. */
export const unique = () => `${Date.now().toString(36)}${(++serial).toString(36)}`;

/**
 * Builds township A's state through the real commands, each time fresh, so
 * every allowed persona starts from a state where its action applies.
 */
export class Fixtures {
  constructor(readonly world: World) {}

  private get db() {
    return this.world.db;
  }
  actor(key: string): Actor {
    return this.world.persona(key).actor!;
  }

  async run<S extends z.ZodType, T>(command: Command<S, T>, actorKey: string, input: unknown): Promise<T> {
    const result = await executeAction(this.db, this.actor(actorKey), command.config, input, command.body);
    if (!result.ok) throw new Error(`fixture ${command.config.name}: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
    return result.data;
  }

  async task(): Promise<string> {
    const { a } = this.world;
    const data = await this.run(saveTask, "A.leader", {
      campaignId: a.campaignId,
      activityId: a.activityId,
      title: `矩阵任务 ${unique()}`,
      deadline: dayFromToday(30),
      applicableUnitKinds: ["village"],
      evidenceRequired: [],
    });
    return data.taskIds[0]!;
  }

  /** A new pending assignment of an active campaign for the unit (default: unit X, the liaison persona's). */
  async assignment(unitId = this.world.a.unitX) {
    const taskId = await this.task();
    await this.run(assignUnits, "A.leader", { campaignId: this.world.a.campaignId, taskIds: [taskId], unitIds: [unitId] });
    const [row] = await this.db.select().from(assignments).where(and(eq(assignments.taskId, taskId), eq(assignments.unitId, unitId)));
    return row!;
  }

  /** A pending assignment of unit X issued three days ago and still not signed for: past the default 签收时限. */
  async lateUnsigned() {
    const row = await this.assignment();
    await this.db
      .update(assignments)
      .set({ publishedAt: new Date(Date.now() - 3 * 86_400_000), acknowledgedAt: null })
      .where(and(eq(assignments.orgId, row.orgId), eq(assignments.id, row.id)));
    return row;
  }

  /** A submitted assignment of unit X, with one evidence photo. */
  async submitted() {
    const row = await this.assignment();
    const data = await this.run(submitAssignment, "A.liaison", {
      assignmentId: row.id,
      expectedVersion: row.version,
      note: "已完成",
      figures: {},
      files: [photoFile()],
    });
    return { id: row.id, version: data.version, submissionId: data.submissionId };
  }

  async evidenceFileId(): Promise<string> {
    const { submissionId } = await this.submitted();
    const [file] = await this.db.select({ id: files.id }).from(files).where(eq(files.submissionId, submissionId));
    return file!.id;
  }

  async pendingExtension(): Promise<string> {
    const row = await this.assignment();
    const data = await this.run(requestExtension, "A.liaison", { assignmentId: row.id, requestedDeadline: dayFromToday(40), reason: "雨季施工" });
    return data.id;
  }

  /** A hazard of unit X in the given state: reported by its liaison (with a photo), assigned by the leader, rectified by the liaison. */
  async hazard(state: "reported" | "rectifying" | "rectified") {
    const { hazardId } = await this.run(reportHazard, "A.liaison", {
      title: "电线私拉乱接",
      description: "厨房电线老化",
      location: "3组",
      level: "general",
      source: "self_inspection",
      foundOn: dayFromToday(0),
      photos: [photoFile()],
    });
    let version = 1;
    if (state !== "reported") {
      version = (
        await this.run(assignHazard, "A.leader", {
          hazardId,
          expectedVersion: version,
          responsibleUnitId: this.world.a.unitX,
          responsiblePerson: "李志强",
          rectificationDeadline: dayFromToday(10),
          measures: "更换线路",
          level: "general",
        })
      ).version;
    }
    if (state === "rectified") {
      version = (
        await this.run(rectifyHazard, "A.liaison", {
          hazardId,
          expectedVersion: version,
          note: "已更换",
          rectifiedOn: dayFromToday(0),
          photos: [photoFile()],
          plans: [],
        })
      ).version;
    }
    return { id: hazardId, version };
  }

  async hazardPhotoId(): Promise<string> {
    const { id } = await this.hazard("reported");
    const [file] = await this.db.select({ id: files.id }).from(files).where(eq(files.hazardId, id));
    return file!.id;
  }

  /** A waiting public report to township A, filed the way the public page files it. */
  async publicReport(): Promise<string> {
    const result = await submitPublicReport(this.db, {
      orgCode: this.world.a.code,
      address: `fixture-${unique()}`,
      secret: "matrix",
      input: { description: "河堤护栏断了", location: "场镇河堤", contact: "", website: "" },
    });
    if (!result.ok) throw new Error(`fixture public report: ${result.message}`);
    const [row] = await this.db.select({ id: publicReports.id }).from(publicReports).where(eq(publicReports.followUpCode, result.code));
    return row!.id;
  }

  async unit(): Promise<string> {
    return (await this.run(createUnit, "A.admin", { kind: "enterprise", code: `MX-${unique()}`, name: "矩阵企业" })).unitId;
  }

  async user(role: "leader" | "liaison" = "leader"): Promise<string> {
    const unitId = role === "liaison" ? await this.unit() : undefined;
    return (await this.run(createUser, "A.admin", { username: `${this.world.a.prefix}m${unique()}`, displayName: "矩阵用户", role, unitId })).userId;
  }

  async draftCampaign(): Promise<string> {
    return (await this.run(createCampaign, "A.leader", { name: `矩阵活动 ${unique()}`, startsOn: dayFromToday(0), endsOn: dayFromToday(60) })).campaignId;
  }

  async phase(): Promise<string> {
    const { a } = this.world;
    return (await this.run(savePhase, "A.leader", { campaignId: a.campaignId, name: "矩阵阶段", startsOn: dayFromToday(0), endsOn: dayFromToday(5) })).phaseId;
  }

  async activity(): Promise<string> {
    return (await this.run(saveActivity, "A.leader", { campaignId: this.world.a.campaignId, title: "矩阵工作项" })).activityId;
  }

  async figure(): Promise<{ taskId: string; figureId: string }> {
    const taskId = await this.task();
    await this.run(saveFigure, "A.leader", { taskId, name: "横幅", measureUnit: "条" });
    const [figure] = await this.db.select({ id: taskFigures.id }).from(taskFigures).where(eq(taskFigures.taskId, taskId));
    return { taskId, figureId: figure!.id };
  }

  /** The template key of township A's fixture campaign (the county rolls up by template). */
  async templateKey(): Promise<string> {
    const [row] = await this.db.select({ key: campaigns.templateKey }).from(campaigns).where(eq(campaigns.id, this.world.a.campaignId));
    return row!.key!;
  }

  /** An unread notification of the liaison of unit X (a reminder sent by the leader). */
  async unreadNotification(): Promise<string> {
    await this.run(remindUnit, "A.leader", { unitId: this.world.a.unitX });
    const [row] = await this.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, this.actor("A.liaison").userId), isNull(notifications.readAt)))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    return row!.id;
  }
}

/** A CSV file as the import form uploads it. */
export const csvFile = (...rows: string[]) => new File([`\uFEFF${rows.join("\r\n")}`], "import.csv", { type: "text/csv" });
