import { useTranslations } from "next-intl";
import { Field, inputClass } from "./form-styles";

export interface CampaignDefaults {
  name?: string;
  theme?: string | null;
  startsOn?: string;
  endsOn?: string;
  noticeTitle?: string | null;
  noticeText?: string | null;
}

/** The campaign's own fields, for "blank campaign" and for editing one. */
export function CampaignFields({ defaults = {} }: { defaults?: CampaignDefaults }) {
  const t = useTranslations("campaigns.fields");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field label={t("name")}>
          <input name="name" required defaultValue={defaults.name} className={inputClass} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label={t("theme")}>
          <input name="theme" defaultValue={defaults.theme ?? ""} className={inputClass} />
        </Field>
      </div>
      <Field label={t("startsOn")}>
        <input type="date" name="startsOn" required defaultValue={defaults.startsOn} className={inputClass} />
      </Field>
      <Field label={t("endsOn")}>
        <input type="date" name="endsOn" required defaultValue={defaults.endsOn} className={inputClass} />
      </Field>
      <div className="sm:col-span-2">
        <Field label={t("noticeTitle")}>
          <input name="noticeTitle" defaultValue={defaults.noticeTitle ?? ""} className={inputClass} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label={t("noticeText")}>
          <textarea name="noticeText" rows={5} defaultValue={defaults.noticeText ?? ""} className={inputClass} />
        </Field>
      </div>
    </div>
  );
}
