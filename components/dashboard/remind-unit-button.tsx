"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";

/** 催办 one unit from its row of the progress table; the row shows when it was sent. */
export function RemindUnitButton({
  unitId,
  unitName,
  campaignId,
  action,
}: {
  unitId: string;
  unitName: string;
  campaignId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("reviews.dashboard");
  const [state, setState] = useState<{ sent: boolean; error: string | null }>({ sent: false, error: null });
  const [pending, startTransition] = useTransition();

  if (state.sent) {
    return (
      <span role="status" className="text-xs text-emerald-700">
        ✓ {t("remindedUnit")}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col items-end">
      <button
        type="button"
        disabled={pending}
        aria-label={t("remindUnitLabel", { name: unitName })}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ unitId, campaignId });
            setState(result.ok ? { sent: true, error: null } : { sent: false, error: result.message });
          })
        }
        className="min-h-9 whitespace-nowrap rounded-lg px-3 text-xs font-medium text-brand-700 ring-1 ring-brand-600/30 hover:bg-brand-50 disabled:opacity-60"
      >
        {t("remindUnit")}
      </button>
      {state.error ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
