"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { buttonClass, inputClass } from "@/components/campaigns/form-styles";
import type { ImportIssue, UnitImportRow, UserImportRow } from "@/lib/admin/import-validate";
import type { ActionResult } from "@/lib/auth/action-core";
import { ImportCredentials, type Credential } from "./import-credentials";
import { ImportFailure, ImportPreview } from "./import-preview";

type Kind = "units" | "users";
type Preview = { rows: (UnitImportRow | UserImportRow)[]; issues: ImportIssue[] };
type Done = { created: number; credentials?: Credential[] };
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export interface ImportActions {
  preview: (input: FormData) => Promise<ActionResult<Preview>>;
  run: (input: FormData) => Promise<ActionResult<Done>>;
}

/**
 * Upload → preview (nothing written) → 确认导入 (the server checks the same
 * file again and writes it in one transaction). A new file or kind starts over.
 */
export function ImportForm({ actions }: { actions: Record<Kind, ImportActions> }) {
  const t = useTranslations("admin.import");
  const [kind, setKind] = useState<Kind>("units");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [pending, startTransition] = useTransition();

  const startOver = () => {
    setPreview(null);
    setFailure(null);
    setDone(null);
  };
  const send = <T,>(action: (input: FormData) => Promise<ActionResult<T>>, onOk: (data: T) => void) => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    startTransition(async () => {
      startOver();
      const result = await action(form);
      if (result.ok) onOk(result.data);
      else setFailure(result);
    });
  };

  return (
    <div className="space-y-4">
      <form
        className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-slate-200"
        onSubmit={(event) => {
          event.preventDefault();
          send(actions[kind].preview, setPreview);
        }}
      >
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("kind")}</legend>
          <div className="flex flex-wrap gap-2">
            {(["units", "users"] as const).map((k) => (
              <label key={k} className="inline-flex min-h-10 items-center gap-2 rounded-lg px-3 text-sm ring-1 ring-slate-300">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    startOver();
                  }}
                />
                {t(`kinds.${k}`)}
              </label>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-500">{t(`hints.${kind}`)}</p>
        </fieldset>
        <a className="inline-block text-sm font-medium text-brand-700 underline" href={`/api/admin/import-template?kind=${kind}`} download>
          {t("template", { kind: t(`kinds.${kind}`) })}
        </a>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("file")}</span>
          <input
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={inputClass}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              startOver();
            }}
          />
          <span className="mt-1 block text-xs text-slate-500">{t("fileHint")}</span>
        </label>
        <button type="submit" disabled={pending || !file} className={buttonClass("secondary")}>
          {pending && !preview ? t("checking") : t("preview")}
        </button>
      </form>

      {failure ? <ImportFailure failure={failure} /> : null}
      {preview ? (
        <ImportPreview kind={kind} preview={preview}>
          {preview.issues.length === 0 && !done ? (
            <button type="button" disabled={pending} className={buttonClass()} onClick={() => send(actions[kind].run, setDone)}>
              {pending ? t("importing") : t("confirm", { count: preview.rows.length })}
            </button>
          ) : null}
        </ImportPreview>
      ) : null}
      {done ? (
        <div role="status" className="space-y-3 rounded-xl bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <p className="font-medium">{t(`done.${kind}`, { count: done.created })}</p>
          {done.credentials ? <ImportCredentials credentials={done.credentials} /> : null}
        </div>
      ) : null}
    </div>
  );
}
