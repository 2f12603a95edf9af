"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";

type ChaseResult = ActionResult<{ unitsChased: number }>;

/** 催签收 for one unit (unitId) or 全部催签收 for the campaign; says what was sent, or that today's chase went already. */
export function ChaseAckButton({
  campaignId,
  unitId,
  unitName,
  action,
}: {
  campaignId: string;
  unitId?: string;
  unitName?: string;
  action: (input: unknown) => Promise<ChaseResult>;
}) {
  const t = useTranslations("dashboard.ackLate");
  const tErrors = useTranslations("errors");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const all = unitId === undefined;

  const chase = () =>
    startTransition(async () => {
      const result = await action(all ? { campaignId } : { campaignId, unitId });
      if (!result.ok) return setMessage({ ok: false, text: result.message || tErrors(result.code) });
      const n = result.data.unitsChased;
      setMessage({ ok: true, text: n > 0 ? t("chased", { count: n }) : t("already") });
    });

  return (
    <span className={all ? "block" : "inline-flex flex-col items-end"}>
      <button
        type="button"
        onClick={chase}
        disabled={pending}
        aria-label={all ? undefined : t("chaseLabel", { name: unitName ?? "" })}
        className={
          all
            ? "min-h-11 w-full rounded-xl bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            : "min-h-9 whitespace-nowrap rounded-lg px-3 text-xs font-medium text-brand-700 ring-1 ring-brand-600/30 hover:bg-brand-50 disabled:opacity-60"
        }
      >
        {pending ? t("chasing") : all ? t("chaseAll") : t("chase")}
      </button>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={`mt-1 block text-xs ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
