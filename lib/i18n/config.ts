export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
/** The cookie the language switch writes and lib/i18n/request.ts reads. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function toLocale(value: string | undefined): Locale {
  return LOCALES.find((l) => l === value) ?? DEFAULT_LOCALE;
}

/** One file per domain under messages/<locale>/, so domains are edited independently. */
export const MESSAGE_NAMESPACES = ["common", "tasks", "dashboard", "submit", "reviews", "campaigns", "exports", "hazards", "admin", "county"] as const;
