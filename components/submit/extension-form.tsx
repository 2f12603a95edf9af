"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { actionErrorMessage } from "./action-error";
import { FormError } from "@/components/ui/form-error";

/** 申请延期, folded away until the liaison opens it: a date and a reason, decided by a leader. */
export function ExtensionForm({
  assignmentId,
  minDate,
  action,
}: {
  assignmentId: string;
  /** The earliest date that can be asked for (YYYY-MM-DD): after today and after the current deadline. */
  minDate: string;
  action: (input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("submit.extension");
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("assignmentId", assignmentId);
    setError(null);
    startTransition(async () => {
      const result = await action(form);
      if (!result.ok) return setError(actionErrorMessage(result));
      router.refresh();
    });
  }

  return (
    <details className="group rounded-2xl bg-white ring-1 ring-slate-200">
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between px-5 py-3 font-medium text-brand-700">
        {t("toggle")}
        <span aria-hidden className="text-slate-400 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form onSubmit={submit} className="space-y-4 border-t border-slate-100 px-5 pb-5 pt-4">
        <p className="text-sm text-slate-500">{t("hint")}</p>
        <fieldset disabled={pending} className="space-y-4">
          <div>
            <label htmlFor={`${id}-date`} className="block text-sm font-medium text-slate-700">
              {t("date")}
            </label>
            <input
              id={`${id}-date`}
              name="requestedDeadline"
              type="date"
              required
              min={minDate}
              className="mt-1 block w-full rounded-xl border-0 px-3 py-2.5 text-base ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-600"
            />
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
              {t("reason")}
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              required
              minLength={2}
              maxLength={500}
              rows={3}
              placeholder={t("reasonPlaceholder")}
              className="mt-1 block w-full rounded-xl border-0 px-3 py-2.5 text-base ring-1 ring-slate-300 placeholder:text-slate-400 outline-none focus:ring-2 focus:ring-brand-600"
            />
          </div>
        </fieldset>
        <FormError message={error} />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-xl bg-white px-4 py-3 text-base font-medium text-brand-700 ring-1 ring-brand-600 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </details>
  );
}
