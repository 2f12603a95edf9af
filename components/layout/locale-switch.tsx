"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/** Toggles between Chinese and English; the choice lives in a cookie for a year. */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      lang={next}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
    >
      {t("language")}
    </button>
  );
}
