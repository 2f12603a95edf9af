"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { actionErrorMessage } from "@/components/submit/action-error";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/auth/action-core";
import { ESCALATION_LEVELS, type EscalationLevel } from "@/lib/reach/rules";
import { ESCALATION_STYLE } from "./escalation-chip";

const NOTE_MAX = 500;

/** 下发督办单: a level (蓝/黄/红, preset to the level the task has reached) and the order's text. */
export function SupervisionForm({
  assignmentId,
  suggested,
  action,
}: {
  assignmentId: string;
  suggested: EscalationLevel | null;
  action: (input: unknown) => Promise<ActionResult<{ notified: number }>>;
}) {
  const t = useTranslations("supervision");
  const tl = useTranslations("escalationLevel");
  const router = useRouter();
  const id = useId();
  const [level, setLevel] = useState<EscalationLevel>(suggested ?? "blue");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await action({ assignmentId, level, note });
      if (!result.ok) return setMessage({ ok: false, text: actionErrorMessage(result) });
      setNote("");
      setMessage({ ok: true, text: t("issued", { count: result.data.notified }) });
      router.refresh();
    });
  }

  return (
    <details className="group mt-4 rounded-xl ring-1 ring-slate-200">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between px-4 py-2 font-medium text-brand-700">
        {t("issue")}
        <span aria-hidden className="text-slate-400 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form onSubmit={submit} className="space-y-3 border-t border-slate-100 px-4 pb-4 pt-3">
        <p className="text-xs text-slate-500">{t("hint")}</p>
        <fieldset disabled={pending}>
          <legend className="text-sm font-medium text-slate-700">{t("level")}</legend>
          <div className="mt-1 grid grid-cols-3 gap-2">
            {ESCALATION_LEVELS.map((l) => (
              <label
                key={l}
                className={`flex min-h-10 cursor-pointer items-center justify-center rounded-lg text-sm ring-1 ${
                  level === l ? `${ESCALATION_STYLE[l]} font-medium ring-2` : "bg-white text-slate-600 ring-slate-200"
                }`}
              >
                <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} className="sr-only" />
                {tl(l)}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-700">
            {t("note")}
          </label>
          <textarea
            id={`${id}-note`}
            name="note"
            required
            maxLength={NOTE_MAX}
            rows={3}
            value={note}
            disabled={pending}
            onChange={(e) => setNote(e.currentTarget.value)}
            placeholder={t("notePlaceholder")}
            className="mt-1 block w-full rounded-xl border-0 px-3 py-2.5 text-base ring-1 ring-slate-300 placeholder:text-slate-400 outline-none focus:ring-2 focus:ring-brand-600"
          />
          <p className="mt-1 text-right text-xs text-slate-400">
            {note.length}/{NOTE_MAX}
          </p>
        </div>
        {message && !message.ok ? <FormError message={message.text} /> : null}
        {message?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            {message.text}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-xl bg-brand-600 px-4 py-3 text-base font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </details>
  );
}
