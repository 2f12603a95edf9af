import Link from "next/link";
import { getTranslations } from "next-intl/server";

interface Template {
  templateKey: string;
  name: string;
  townships: number;
}

/** Tabs of the campaign templates run in the county, as links (no client code). */
export async function TemplatePicker({ templates, current, hrefOf }: { templates: Template[]; current: string; hrefOf: (key: string) => string }) {
  const t = await getTranslations("county");
  return (
    <nav aria-label={t("templates")} className="mt-3 flex gap-2 overflow-x-auto pb-1">
      {templates.map((tpl) => {
        const active = tpl.templateKey === current;
        return (
          <Link
            key={tpl.templateKey}
            href={hrefOf(tpl.templateKey)}
            aria-current={active ? "page" : undefined}
            className={`flex min-h-11 shrink-0 flex-col justify-center rounded-xl px-4 py-1.5 text-sm ring-1 ${
              active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-200 hover:ring-brand-600"
            }`}
          >
            <span className="font-medium">{tpl.name}</span>
            <span className={`text-xs ${active ? "text-white/80" : "text-slate-500"}`}>{t("townshipCount", { count: tpl.townships })}</span>
          </Link>
        );
      })}
    </nav>
  );
}
