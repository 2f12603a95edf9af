import { getFormatter, getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ReachScheduleFields } from "@/components/admin/reach-schedule-fields";
import { RobotFields } from "@/components/admin/robot-fields";
import { RobotItem } from "@/components/admin/robot-item";
import { ActionForm } from "@/components/campaigns/action-form";
import { listRobots, reachSettingsOf } from "@/db/queries/reach-admin";
import { requireContext } from "@/lib/auth/session";
import { createRobot, editRobot, removeRobot, saveSchedule, testRobot } from "./actions";

export const dynamic = "force-dynamic";

export default async function AdminReachPage() {
  const ctx = await requireContext("org.settings");
  const t = await getTranslations("admin.reach");
  const format = await getFormatter();
  const [settings, robots] = await Promise.all([reachSettingsOf(ctx), listRobots(ctx)]);
  const robotActions = { edit: editRobot, remove: removeRobot, test: testRobot };
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <AdminTabs current="reach" />
      <section aria-labelledby="reach-schedule" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
        <div>
          <h2 id="reach-schedule" className="font-medium">
            {t("schedule.title")}
          </h2>
          <p className="text-xs text-slate-500">
            {settings.updatedAt
              ? t("schedule.updated", { at: format.dateTime(settings.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })
              : t("schedule.defaults")}
          </p>
        </div>
        <ActionForm action={saveSchedule} submitLabel={t("schedule.submit")}>
          <ReachScheduleFields schedule={settings.schedule} />
        </ActionForm>
      </section>
      <section aria-labelledby="reach-robots" className="space-y-3">
        <div>
          <h2 id="reach-robots" className="font-medium">
            {t("robots.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("robots.intro")}</p>
        </div>
        <details className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("robots.add")}</summary>
          <div className="mt-3">
            <ActionForm action={createRobot} submitLabel={t("robots.addSubmit")} resetOnSuccess>
              <RobotFields />
            </ActionForm>
          </div>
        </details>
        {robots.length === 0 ? (
          <p className="text-sm text-slate-500">{t("robots.empty")}</p>
        ) : (
          <ul aria-label={t("robots.list")} className="space-y-2">
            {robots.map((robot) => (
              <RobotItem key={robot.id} robot={robot} actions={robotActions} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
