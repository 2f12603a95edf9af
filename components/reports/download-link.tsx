"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatSize } from "@/lib/files/file-size";

type Progress =
  | { phase: "idle" }
  | { phase: "busy"; bytes: number; startedAt: number }
  | { phase: "done"; name: string }
  | { phase: "error"; message: string };

/** The UTF-8 file name from `Content-Disposition: attachment; filename*=UTF-8''…`. */
function fileNameOf(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*=UTF-8''([^;]+)/i);
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return fallback;
  }
}

/**
 * A download link that shows progress while the server builds the file: it
 * fetches the export with a streamed body, counts the bytes as they arrive
 * (with the seconds elapsed, so a long export never looks frozen), then hands
 * the finished file to the browser. Without JavaScript it is a plain link.
 */
export function DownloadLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  const t = useTranslations("exports");
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [now, setNow] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const busy = progress.phase === "busy";

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [busy]);

  useEffect(() => () => abort.current?.abort(), []);

  async function start(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (busy) return;
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    setNow(startedAt);
    setProgress({ phase: "busy", bytes: 0, startedAt });
    try {
      const response = await fetch(href, { signal: controller.signal });
      if (!response.ok || !response.body) {
        setProgress({ phase: "error", message: (await response.text()) || String(response.status) });
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setProgress({ phase: "busy", bytes, startedAt });
      }
      const name = fileNameOf(response.headers.get("Content-Disposition"), "export");
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") ?? undefined }));
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setProgress({ phase: "done", name });
    } catch {
      if (!controller.signal.aborted) setProgress({ phase: "error", message: t("networkError") });
    }
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <a href={href} onClick={start} aria-busy={busy} className={className}>
        {busy ? (
          <span aria-hidden className="mr-2 inline-block h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent align-[-2px]" />
        ) : null}
        {children}
      </a>
      <span role="status" aria-live="polite" className="text-xs">
        {progress.phase === "busy" ? (
          <span className="text-slate-600">
            {t("generating")}{" "}
            {t("progress", { size: formatSize(progress.bytes), seconds: Math.max(0, Math.round((now - progress.startedAt) / 1000)) })}
          </span>
        ) : progress.phase === "done" ? (
          <span className="text-emerald-700">{t("done", { name: progress.name })}</span>
        ) : progress.phase === "error" ? (
          <span className="text-red-700">{t("failed", { message: progress.message })}</span>
        ) : null}
      </span>
    </span>
  );
}
