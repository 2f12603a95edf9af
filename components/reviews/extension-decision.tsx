"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { useReport } from "./decision-notice";
import type { ReviewAction } from "./review-selection";
import { FormError } from "@/components/ui/form-error";

const MIN_REASON = 2;

/** 批准延期 with a date (prefilled with the requested one) or 驳回 with a reason. */
export function ExtensionDecision({
  requestId,
  requestedDay,
  today,
  grant,
  refuse,
}: {
  requestId: string;
  requestedDay: string;
  today: string;
  grant: ReviewAction;
  refuse: ReviewAction;
}) {
  const t = useTranslations("reviews.extension");
  const report = useReport();
  const [day, setDay] = useState(requestedDay >= today ? requestedDay : today);
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dateId = useId();
  const reasonId = useId();

  // Input the server refused stays on the item to be corrected; anything else is reported in the list's bar.
  const finish = (result: ActionResult<unknown>, success: string) => {
    if (!result.ok && result.code === "invalid") {
      setError(result.fieldErrors?.newDeadline?.[0] ?? result.fieldErrors?.reason?.[0] ?? result.message);
      return;
    }
    setError(null);
    report(result, success);
  };

  const onGrant = (event: React.FormEvent) => {
    event.preventDefault();
    if (!day || day < today) {
      setError(t("dateRequired"));
      return;
    }
    startTransition(async () => finish(await grant({ requestId, newDeadline: day }), t("approved", { date: day })));
  };

  const onDeny = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON) {
      setError(t("denyRequired"));
      return;
    }
    startTransition(async () => finish(await refuse({ requestId, reason: trimmed }), t("denied")));
  };

  return (
    <div className="space-y-2">
      <form onSubmit={onGrant} noValidate className="space-y-2">
        <label htmlFor={dateId} className="block text-sm font-medium text-slate-700">
          {t("newDeadline")}
        </label>
        <input
          id={dateId}
          type="date"
          value={day}
          min={today}
          onChange={(e) => setDay(e.target.value)}
          className="block min-h-11 w-full rounded-lg border-0 px-3 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={pending}
            className="min-h-11 flex-1 rounded-xl bg-emerald-600 px-4 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-60"
          >
            {t("approve")}
          </button>
          <button
            type="button"
            aria-expanded={denying}
            onClick={() => setDenying((open) => !open)}
            className="min-h-11 flex-1 rounded-xl bg-white px-4 text-sm font-medium text-orange-800 ring-1 ring-orange-300 hover:bg-orange-50"
          >
            {t("deny")}
          </button>
        </div>
      </form>
      {denying ? (
        <form onSubmit={onDeny} noValidate className="space-y-2 rounded-xl bg-orange-50/60 p-3 ring-1 ring-orange-200">
          <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
            {t("denyReason")}
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={500}
            placeholder={t("denyPlaceholder")}
            className="block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          <button
            type="submit"
            disabled={pending}
            className="min-h-11 w-full rounded-xl bg-orange-600 px-4 text-sm font-medium text-white hover:bg-orange-700 disabled:opacity-60"
          >
            {t("confirmDeny")}
          </button>
        </form>
      ) : null}
      <FormError message={error} inline />
    </div>
  );
}
