"use client";

import { useTranslations } from "next-intl";

/** Opens the browser's print dialog, where "Save as PDF" keeps a copy; hidden on paper. */
export function PrintButton() {
  const t = useTranslations("exports.report");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 print:hidden"
    >
      {t("printButton")}
    </button>
  );
}
