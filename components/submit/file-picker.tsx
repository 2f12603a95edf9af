"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { formatSize } from "@/lib/files/file-size";
import { EVIDENCE_ACCEPT, MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION } from "@/lib/files/sniff";
import { CameraIcon, PaperclipIcon } from "./icons";

export interface ChosenFile {
  key: string;
  file: File;
}

const buttonClass =
  "flex min-h-12 flex-1 cursor-pointer items-center justify-center gap-2 rounded-xl px-4 py-3 text-base font-medium ring-1 focus-within:ring-2 focus-within:ring-brand-600";

/**
 * The camera (opens the phone's rear camera directly) beside a general picker.
 * Size and count are checked here for a quick answer; the server checks again
 * and also sniffs the type from the bytes.
 */
export function FilePicker({
  files,
  onChange,
  onError,
  disabled,
}: {
  files: ChosenFile[];
  onChange: (files: ChosenFile[]) => void;
  onError: (message: string | null) => void;
  disabled: boolean;
}) {
  const t = useTranslations("submit.form");
  const counter = useRef(0);

  function add(list: FileList | null, input: HTMLInputElement) {
    const picked = Array.from(list ?? []);
    input.value = ""; // so the same photo can be picked again after removing it
    if (picked.length === 0) return;
    const tooBig = picked.find((f) => f.size > MAX_FILE_BYTES);
    if (tooBig) return onError(t("tooBig", { name: tooBig.name }));
    if (files.length + picked.length > MAX_FILES_PER_SUBMISSION) return onError(t("tooMany"));
    onError(null);
    onChange([...files, ...picked.map((file) => ({ key: `${++counter.current}`, file }))]);
  }

  const total = files.reduce((sum, f) => sum + f.file.size, 0);
  return (
    <div>
      <div className="flex gap-2">
        <label className={`${buttonClass} bg-brand-600 text-white ring-brand-600 ${disabled ? "opacity-60" : ""}`}>
          <CameraIcon />
          {t("camera")}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            disabled={disabled}
            onChange={(e) => add(e.currentTarget.files, e.currentTarget)}
          />
        </label>
        <label className={`${buttonClass} bg-white text-brand-700 ring-slate-300 ${disabled ? "opacity-60" : ""}`}>
          <PaperclipIcon />
          {t("pick")}
          <input
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            className="sr-only"
            disabled={disabled}
            onChange={(e) => add(e.currentTarget.files, e.currentTarget)}
          />
        </label>
      </div>
      <p className="mt-2 text-xs leading-relaxed text-slate-500">{t("hint")}</p>
      {files.length > 0 ? (
        <div className="mt-3">
          <p className="text-sm text-slate-600">{t("chosen", { count: files.length, size: formatSize(total) })}</p>
          <ul className="mt-2 divide-y divide-slate-100 rounded-xl ring-1 ring-slate-200">
            {files.map(({ key, file }) => (
              <li key={key} className="flex items-center gap-3 px-3 py-2 text-sm">
                <span className="min-w-0 flex-1 truncate">{file.name}</span>
                <span className="shrink-0 text-slate-400">{formatSize(file.size)}</span>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => onChange(files.filter((f) => f.key !== key))}
                  aria-label={t("remove", { name: file.name })}
                  className="-mr-1 flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-lg text-slate-500 hover:bg-slate-100"
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
