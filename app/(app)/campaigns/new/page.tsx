import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/campaigns/action-form";
import { CampaignFields } from "@/components/campaigns/campaign-fields";
import { BuiltinTemplateForm, ImportTemplateForm } from "@/components/campaigns/template-forms";
import { BUILTIN_TEMPLATES } from "@/db/campaigns/builtin-templates";
import { requireContext } from "@/lib/auth/session";
import { shanghaiDay } from "@/lib/campaign-series";
import { createCampaign, createCampaignFromTemplate } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns.new");
  return { title: t("title") };
}

const card = "rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-5";

/** 新建活动: from a built-in template, from an uploaded JSON template, or blank. */
export default async function NewCampaignPage() {
  await requireContext("campaign.manage");
  const t = await getTranslations("campaigns.new");
  const nextYear = Number(shanghaiDay(new Date()).slice(0, 4)) + 1;
  const options = BUILTIN_TEMPLATES.map((tpl) => ({
    key: tpl.key,
    name: tpl.name,
    period: `${tpl.startsOn} – ${tpl.endsOn}`,
    activities: tpl.activities.length,
    tasks: tpl.activities.reduce((n, a) => n + a.tasks.length, 0),
  }));

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/campaigns" className="inline-block py-1 text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="from-builtin" className={card}>
        <h2 id="from-builtin" className="mb-3 font-semibold">{t("fromBuiltin")}</h2>
        <BuiltinTemplateForm action={createCampaignFromTemplate} options={options} defaultYear={nextYear} />
      </section>
      <section aria-labelledby="from-json" className={card}>
        <h2 id="from-json" className="mb-1 font-semibold">{t("fromJson")}</h2>
        <p className="mb-3 text-sm text-slate-500">{t("fromJsonHint")}</p>
        <ImportTemplateForm action={createCampaignFromTemplate} defaultYear={nextYear} />
      </section>
      <section aria-labelledby="blank" className={card}>
        <h2 id="blank" className="mb-3 font-semibold">{t("blank")}</h2>
        <ActionForm action={createCampaign} redirectTo="/campaigns/{id}" submitLabel={t("createBlank")}>
          <CampaignFields />
        </ActionForm>
      </section>
    </div>
  );
}
