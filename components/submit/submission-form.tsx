"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { formatSize } from "@/lib/files/file-size";
import { actionErrorMessage } from "./action-error";
import { FilePicker, type ChosenFile } from "./file-picker";
import { FormError } from "@/components/ui/form-error";

export interface FigureField {
  id: string;
  name: string;
  measureUnit: string;
  target: number | null;
}

/** Note, the task's figures and evidence files; on success the page reloads its data and shows 待审核. */
export function SubmissionForm({
  assignmentId,
  version,
  figures,
  resubmit,
  action,
}: {
  assignmentId: string;
  version: number;
  figures: FigureField[];
  resubmit: boolean;
  action: (input: FormData) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("submit.form");
  const router = useRouter();
  const id = useId();
  const [note, setNote] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const totalSize = files.reduce((sum, f) => sum + f.file.size, 0);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim() && files.length === 0) return setError(t("needSomething"));
    const form = new FormData();
    form.set("assignmentId", assignmentId);
    form.set("expectedVersion", String(version));
    form.set("note", note);
    for (const figure of figures) form.set(`figure.${figure.id}`, values[figure.id] ?? "");
    for (const { file } of files) form.append("files", file, file.name);
    setError(null);
    startTransition(async () => {
      const result = await action(form);
      if (!result.ok) return setError(actionErrorMessage(result));
      setNote("");
      setValues({});
      setFiles([]);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="rounded-2xl bg-white p-5 ring-1 ring-slate-200" aria-busy={pending}>
      <h2 className="text-base font-semibold">{resubmit ? t("resubmitTitle") : t("title")}</h2>
      <fieldset disabled={pending} className="mt-4 space-y-5">
        <div>
          <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-700">
            {t("note")}
          </label>
          <textarea
            id={`${id}-note`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={5000}
            rows={4}
            placeholder={t("notePlaceholder")}
            className="mt-1 block w-full rounded-xl border-0 px-3 py-2.5 text-base ring-1 ring-slate-300 placeholder:text-slate-400 outline-none focus:ring-2 focus:ring-brand-600"
          />
        </div>
        {figures.length > 0 ? (
          <div>
            <p className="text-sm font-medium text-slate-700">{t("figures")}</p>
            <div className="mt-2 space-y-3">
              {figures.map((figure) => (
                <div key={figure.id}>
                  <label htmlFor={`${id}-${figure.id}`} className="flex items-baseline justify-between gap-2 text-sm">
                    <span>{figure.name}</span>
                    {figure.target !== null ? (
                      <span className="text-xs text-slate-500">
                        {t("figureTarget", { target: figure.target, unit: figure.measureUnit })}
                      </span>
                    ) : null}
                  </label>
                  <div className="mt-1 flex items-center rounded-xl ring-1 ring-slate-300 focus-within:ring-2 focus-within:ring-brand-600">
                    <input
                      id={`${id}-${figure.id}`}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={1e9}
                      step="any"
                      required
                      value={values[figure.id] ?? ""}
                      onChange={(e) => setValues({ ...values, [figure.id]: e.target.value })}
                      className="block w-full min-w-0 rounded-xl border-0 bg-transparent px-3 py-2.5 text-base outline-none focus:ring-0"
                    />
                    <span className="shrink-0 pr-3 text-sm text-slate-500">{figure.measureUnit}</span>
                  </div>
                </div>
              ))}
            </div>
          </div>
        ) : null}
        <div>
          <p className="mb-2 text-sm font-medium text-slate-700">{t("evidence")}</p>
          <FilePicker files={files} onChange={setFiles} onError={setError} disabled={pending} />
        </div>
      </fieldset>
      <FormError message={error} className="mt-4" />
      {pending && files.length > 0 ? (
        <div className="mt-4" aria-live="polite">
          <p className="text-sm text-slate-600">{t("uploading", { count: files.length, size: formatSize(totalSize) })}</p>
          <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-slate-100">
            <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-600" />
          </div>
        </div>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="mt-5 w-full rounded-xl bg-brand-600 px-4 py-3.5 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
