import { useTranslations } from "next-intl";
import type { HazardDetail } from "@/db/queries/hazards";
import type { ActionResult } from "@/lib/auth/action-core";
import { HAZARD_LEVELS } from "@/lib/hazard-status";
import { FileField, PHOTO_ACCEPT, PLAN_ACCEPT, SelectField, TextArea, TextField } from "./form-fields";
import { HazardActionForm } from "./hazard-action-form";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;

const panel = "rounded-2xl bg-white p-5 ring-1 ring-slate-200";

function Hidden({ hazard }: { hazard: HazardDetail }) {
  return (
    <>
      <input type="hidden" name="hazardId" value={hazard.id} />
      <input type="hidden" name="expectedVersion" value={hazard.version} />
    </>
  );
}

/** 交办整改 / 修改整改要求: the leader's order to the responsible unit. */
export function AssignPanel({ hazard, units, action }: { hazard: HazardDetail; units: { id: string; name: string }[]; action: Action }) {
  const t = useTranslations("hazards");
  const first = hazard.status === "reported";
  return (
    <section className={panel}>
      <h2 className="mb-4 text-base font-semibold">{first ? t("actions.assignTitle") : t("actions.updateTitle")}</h2>
      <HazardActionForm action={action} submitLabel={first ? t("actions.assign") : t("actions.update")}>
        <Hidden hazard={hazard} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("fields.responsibleUnit")}
            name="responsibleUnitId"
            required
            defaultValue={hazard.responsibleUnitId ?? hazard.unitId}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField label={t("fields.responsiblePerson")} name="responsiblePerson" required maxLength={50} defaultValue={hazard.responsiblePerson} />
          <TextField label={t("fields.deadline")} name="rectificationDeadline" type="date" required defaultValue={hazard.rectificationDeadline} />
          <SelectField
            label={t("fields.level")}
            name="level"
            required
            defaultValue={hazard.level}
            options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`levelLong.${l}`) }))}
          />
        </div>
        <TextArea label={t("fields.measures")} name="measures" required maxLength={2000} defaultValue={hazard.measures} />
        <TextArea label={`${t("fields.interimMeasures")}${t("form.optional")}`} name="interimMeasures" maxLength={2000} rows={2} defaultValue={hazard.interimMeasures} />
        <TextField label={`${t("fields.funds")}${t("form.optional")}`} name="funds" inputMode="decimal" defaultValue={hazard.funds} />
      </HazardActionForm>
    </section>
  );
}

/** 整改完成: what was done, the date, after photos (and the plan, for a 重大 hazard that has none yet). */
export function RectifyPanel({ hazard, today, action }: { hazard: HazardDetail; today: string; action: Action }) {
  const t = useTranslations("hazards");
  const needsPlan = hazard.level === "major" && hazard.plans.length === 0;
  return (
    <section className={panel}>
      <h2 className="text-base font-semibold">{t("actions.rectifyTitle")}</h2>
      <p className="mb-4 mt-1 text-sm text-slate-500">{t("actions.rectifyHint")}</p>
      <HazardActionForm action={action} submitLabel={t("actions.rectify")}>
        <Hidden hazard={hazard} />
        <TextArea label={t("fields.note")} name="note" required maxLength={2000} />
        <TextField label={t("fields.rectifiedOn")} name="rectifiedOn" type="date" required defaultValue={today} />
        <FileField label={t("fields.afterPhotos")} name="photos" accept={PHOTO_ACCEPT} hint={t("form.photosHint")} required={hazard.afterPhotos.length === 0} />
        {needsPlan ? (
          <FileField label={t("fields.plans")} name="plans" accept={PLAN_ACCEPT} hint={t("actions.planNeeded")} required />
        ) : null}
      </HazardActionForm>
    </section>
  );
}

/** 整改方案 upload on its own, any time before 销号. */
export function PlanPanel({ hazard, action }: { hazard: HazardDetail; action: Action }) {
  const t = useTranslations("hazards");
  return (
    <details className={panel} open={hazard.level === "major" && hazard.plans.length === 0}>
      <summary className="cursor-pointer text-base font-semibold">{t("actions.planTitle")}</summary>
      <HazardActionForm action={action} submitLabel={t("actions.planUpload")} className="mt-4">
        <input type="hidden" name="hazardId" value={hazard.id} />
        <FileField label={t("fields.plans")} name="plans" accept={PLAN_ACCEPT} hint={t("form.plansHint")} required />
      </HazardActionForm>
    </details>
  );
}

/** 验收销号 (only for a second person) and 复查不通过. */
export function ReinspectPanel({
  hazard,
  mayClose,
  close,
  fail,
}: {
  hazard: HazardDetail;
  mayClose: boolean;
  close: Action;
  fail: Action;
}) {
  const t = useTranslations("hazards.actions");
  const resultLabel = useTranslations("hazards.fields")("result");
  return (
    <section className={`${panel} space-y-5`}>
      <div>
        <h2 className="mb-3 text-base font-semibold">{t("closeTitle")}</h2>
        {mayClose ? (
          <HazardActionForm action={close} submitLabel={t("close")}>
            <Hidden hazard={hazard} />
            <TextArea label={resultLabel} name="result" required maxLength={500} placeholder={t("resultPlaceholder")} rows={2} />
          </HazardActionForm>
        ) : (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{t("secondPerson")}</p>
        )}
      </div>
      <div className="border-t border-slate-100 pt-4">
        <h2 className="mb-3 text-base font-semibold">{t("failTitle")}</h2>
        <HazardActionForm action={fail} submitLabel={t("fail")} tone="danger">
          <Hidden hazard={hazard} />
          <TextArea label={t("reasonLabel")} name="reason" required maxLength={500} rows={2} />
        </HazardActionForm>
      </div>
    </section>
  );
}
