"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useReport } from "./decision-notice";
import { useReviewQueue } from "./review-selection";
import { FormError } from "@/components/ui/form-error";

const QUICK_REASONS = ["blurry", "signIn", "minutes"] as const;
const MIN_REASON = 2;

/** The checkbox and the 通过 / 退回 buttons of one queued submission; 退回 asks for a reason first. */
export function ReviewItemControls({ assignmentId, version, name }: { assignmentId: string; version: number; name: string }) {
  const t = useTranslations("reviews");
  const { selected, toggle, approve, giveBack } = useReviewQueue();
  const report = useReport();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reasonId = useId();
  const errorId = useId();

  const onApprove = () =>
    startTransition(async () => {
      report(await approve({ items: [{ assignmentId, version }] }), t("actions.approved", { name }));
    });

  const onReturn = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON) {
      setError(t("actions.reasonRequired"));
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await giveBack({ assignmentId, version, reason: trimmed });
      if (!result.ok && result.code === "invalid") {
        setError(result.fieldErrors?.reason?.[0] ?? result.message);
        return;
      }
      report(result, t("actions.returned", { name }));
    });
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <label className="flex h-11 w-11 shrink-0 items-center justify-center rounded-xl ring-1 ring-slate-200">
          <input
            type="checkbox"
            className="h-5 w-5 accent-brand-600"
            checked={selected.has(assignmentId)}
            onChange={() => toggle(assignmentId)}
            aria-label={t("item.select", { name })}
          />
        </label>
        <button
          type="button"
          disabled={pending}
          onClick={onApprove}
          className="min-h-11 flex-1 rounded-xl bg-emerald-600 px-4 text-sm font-medium text-white hover:bg-emerald-700 disabled:opacity-60"
        >
          {pending ? t("actions.working") : t("actions.approve")}
        </button>
        <button
          type="button"
          disabled={pending}
          aria-expanded={returning}
          onClick={() => setReturning((open) => !open)}
          className="min-h-11 flex-1 rounded-xl bg-white px-4 text-sm font-medium text-orange-800 ring-1 ring-orange-300 hover:bg-orange-50 disabled:opacity-60"
        >
          {t("actions.return")}
        </button>
      </div>
      {returning ? (
        <form onSubmit={onReturn} noValidate className="space-y-2 rounded-xl bg-orange-50/60 p-3 ring-1 ring-orange-200">
          <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">
            {t("actions.reason")}
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={500}
            placeholder={t("actions.reasonPlaceholder")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          <div className="flex flex-wrap gap-1.5" aria-label={t("actions.quickReasons")}>
            {QUICK_REASONS.map((key) => (
              <button
                key={key}
                type="button"
                onClick={() => setReason(t(`quickReasons.${key}`))}
                className="rounded-full bg-white px-3 py-1.5 text-xs text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
              >
                {t(`quickReasons.${key}`)}
              </button>
            ))}
          </div>
          <FormError id={errorId} message={error} inline />
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={pending}
              className="min-h-11 flex-1 rounded-xl bg-orange-600 px-4 text-sm font-medium text-white hover:bg-orange-700 disabled:opacity-60"
            >
              {pending ? t("actions.working") : t("actions.confirmReturn")}
            </button>
            <button
              type="button"
              onClick={() => {
                setReturning(false);
                setError(null);
              }}
              className="min-h-11 rounded-xl px-4 text-sm text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
            >
              {t("actions.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
