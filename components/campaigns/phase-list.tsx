import { getTranslations } from "next-intl/server";
import { deletePhase, savePhase } from "@/app/(app)/campaigns/actions";
import { ActionForm } from "./action-form";
import { Field, inputClass } from "./form-styles";

interface Phase {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

async function PhaseFields({ phase }: { phase?: Phase }) {
  const t = await getTranslations("campaigns.fields");
  return (
    <>
      <Field label={t("phaseName")}>
        <input name="name" required defaultValue={phase?.name} className={`${inputClass} w-36`} />
      </Field>
      <Field label={t("startsOn")}>
        <input type="date" name="startsOn" required defaultValue={phase?.startsOn} className={`${inputClass} w-40`} />
      </Field>
      <Field label={t("endsOn")}>
        <input type="date" name="endsOn" required defaultValue={phase?.endsOn} className={`${inputClass} w-40`} />
      </Field>
    </>
  );
}

/** The campaign's dated phases (动员部署 → 巩固提升 …), any number of them. */
export async function PhaseList({ campaignId, phases, canManage }: { campaignId: string; phases: Phase[]; canManage: boolean }) {
  const t = await getTranslations("campaigns.phases");
  const row = "flex flex-wrap items-end gap-2";
  return (
    <section aria-labelledby="phases" className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <h2 id="phases" className="mb-2 font-semibold">{t("title")}</h2>
      {phases.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
      <ol className="space-y-2">
        {phases.map((p, i) => (
          <li key={p.id} className="text-sm">
            {canManage ? (
              <div className={row}>
                <ActionForm action={savePhase} hidden={{ campaignId, phaseId: p.id }} submitLabel={t("save")} variant="secondary" className={row}>
                  <PhaseFields phase={p} />
                </ActionForm>
                <ActionForm action={deletePhase} hidden={{ phaseId: p.id }} submitLabel={t("delete")} variant="danger" confirm={t("confirmDelete", { name: p.name })} className="" />
              </div>
            ) : (
              <span>
                {i + 1}. {p.name}（{p.startsOn} – {p.endsOn}）
              </span>
            )}
          </li>
        ))}
      </ol>
      {canManage ? (
        <ActionForm action={savePhase} hidden={{ campaignId }} submitLabel={t("add")} resetOnSuccess className={`${row} mt-3 border-t border-slate-100 pt-3`}>
          <PhaseFields />
        </ActionForm>
      ) : null}
    </section>
  );
}
