import { getTranslations } from "next-intl/server";
import { ActionForm, type CampaignAction } from "@/components/campaigns/action-form";
import type { AdminRobot } from "@/db/queries/reach-admin";
import { CheckboxField } from "./reach-schedule-fields";
import { RobotTestButton } from "./robot-test-button";

export interface RobotActions {
  edit: CampaignAction;
  remove: CampaignAction;
  test: CampaignAction;
}

/** One group robot: what it is (URL masked, secret only as 已设置), its switches, the test message and removal. */
export async function RobotItem({ robot, actions }: { robot: AdminRobot; actions: RobotActions }) {
  const t = await getTranslations("admin");
  return (
    <li aria-label={robot.name} className={`rounded-xl bg-white p-4 ring-1 ring-slate-200 ${robot.enabled ? "" : "opacity-70"}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">
          {robot.name}
          <span className="ml-2 text-xs text-slate-500">{t(`channels.${robot.kind}`)}</span>
        </h3>
        {robot.enabled ? null : (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("reach.robots.disabled")}</span>
        )}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-600">
        <dt>{t("reach.robots.address")}</dt>
        <dd className="break-all font-mono text-xs leading-5">{robot.maskedUrl}</dd>
        <dt>{t("reach.robots.secretLabel")}</dt>
        <dd>{robot.secretSet ? t("reach.robots.secretSet") : t("reach.robots.secretNotSet")}</dd>
      </dl>
      <div className="mt-3 space-y-3">
        <ActionForm action={actions.edit} submitLabel={t("reach.robots.save")} variant="secondary" hidden={{ robotId: robot.id }}>
          <div className="flex flex-wrap gap-x-6">
            <CheckboxField name="forLiaisons" label={t("reach.robots.forLiaisons")} hint={t("reach.robots.forLiaisonsHint")} checked={robot.forLiaisons} />
            <CheckboxField name="forLeaders" label={t("reach.robots.forLeaders")} hint={t("reach.robots.forLeadersHint")} checked={robot.forLeaders} />
            <CheckboxField name="enabled" label={t("reach.robots.enabled")} checked={robot.enabled} />
          </div>
        </ActionForm>
        <div className="flex flex-wrap items-start gap-2">
          <RobotTestButton action={actions.test} robotId={robot.id} />
          <ActionForm
            action={actions.remove}
            variant="danger"
            submitLabel={t("reach.robots.delete")}
            confirm={t("reach.robots.deleteConfirm", { name: robot.name })}
            hidden={{ robotId: robot.id }}
          />
        </div>
      </div>
    </li>
  );
}
