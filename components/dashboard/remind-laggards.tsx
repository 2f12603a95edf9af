"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";

const SCOPES = [
  { value: "overdue", label: "scopeOverdue" },
  { value: "due_soon", label: "scopeDueSoon" },
  { value: "both", label: "scopeBoth" },
] as const;

type RemindResult = ActionResult<{ unitsReminded: number }>;

/** 一键催办 for the campaign on screen: pick whom, send, see how many units were reminded. */
export function RemindLaggards({
  campaignId,
  action,
}: {
  campaignId: string;
  action: (input: unknown) => Promise<RemindResult>;
}) {
  const t = useTranslations("reviews.dashboard");
  const tErrors = useTranslations("errors");
  const [scope, setScope] = useState<(typeof SCOPES)[number]["value"]>("both");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const send = () =>
    startTransition(async () => {
      const result = await action({ campaignId, scope });
      if (!result.ok) {
        setMessage({ ok: false, text: result.message || tErrors(result.code) });
        return;
      }
      const n = result.data.unitsReminded;
      setMessage({ ok: true, text: n > 0 ? t("sent", { count: n }) : t("none") });
    });

  return (
    <section className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <h2 className="font-semibold">{t("remindTitle")}</h2>
      <p className="mt-1 text-xs text-slate-500">{t("remindHint")}</p>
      <fieldset className="mt-3">
        <legend className="sr-only">{t("scope")}</legend>
        <div className="grid grid-cols-3 gap-1 rounded-xl bg-slate-100 p-1">
          {SCOPES.map((s) => (
            <label
              key={s.value}
              className={`flex min-h-10 cursor-pointer items-center justify-center whitespace-nowrap rounded-lg px-1 text-center text-sm ${
                scope === s.value ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600"
              }`}
            >
              <input
                type="radio"
                name="remind-scope"
                value={s.value}
                checked={scope === s.value}
                onChange={() => setScope(s.value)}
                className="sr-only"
              />
              {t(s.label)}
            </label>
          ))}
        </div>
      </fieldset>
      <button
        type="button"
        onClick={send}
        disabled={pending}
        className="mt-3 min-h-11 w-full rounded-xl bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("sending") : t("send")}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`mt-2 text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
