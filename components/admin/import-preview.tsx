"use client";

import { useTranslations } from "next-intl";
import type { ImportIssue, UnitImportRow, UserImportRow } from "@/lib/admin/import-validate";
import type { ActionResult } from "@/lib/auth/action-core";

const SHOWN_ROWS = 100;

const issueText = (issue: ImportIssue, rowLabel: (row: number) => string) =>
  issue.row === null ? issue.message : `${rowLabel(issue.row)}：${issue.message}`;

/** A refused preview or import: the headline and every problem the server listed. */
export function ImportFailure({ failure }: { failure: Extract<ActionResult<unknown>, { ok: false }> }) {
  const t = useTranslations();
  const lines = Object.values(failure.fieldErrors ?? {}).flat();
  return (
    <div role="alert" className="rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
      <p className="font-medium">{failure.code === "invalid" ? failure.message : t(`errors.${failure.code}`)}</p>
      {lines.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function cells(kind: "units" | "users", row: UnitImportRow | UserImportRow, t: ReturnType<typeof useTranslations>): string[] {
  if (kind === "units" && "code" in row) {
    return [row.code, row.name, t(`unitKind.${row.kind}`), row.responsiblePerson ?? "", row.phone ?? ""];
  }
  if ("username" in row) return [row.displayName, row.username, row.phone ?? "", t(`roles.${row.role}`), row.unitCode ?? ""];
  return [];
}

/** The checked file: every error by sheet row, or the rows that would be written. */
export function ImportPreview({
  kind,
  preview,
  children,
}: {
  kind: "units" | "users";
  preview: { rows: (UnitImportRow | UserImportRow)[]; issues: ImportIssue[] };
  children?: React.ReactNode;
}) {
  const t = useTranslations();
  const rowLabel = (row: number) => t("admin.import.row", { row });
  const headers = t.raw(`admin.import.columns.${kind}`) as string[];
  if (preview.issues.length > 0) {
    return (
      <section aria-label={t("admin.import.issuesTitle")} role="alert" className="rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
        <p className="font-medium">{t("admin.import.issues", { count: preview.issues.length })}</p>
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {preview.issues.map((issue, i) => (
            <li key={i}>{issueText(issue, rowLabel)}</li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section aria-label={t("admin.import.previewTitle")} className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <p className="text-sm font-medium text-emerald-800">{t("admin.import.valid", { count: preview.rows.length })}</p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">{t("admin.import.rowHeader")}</th>
              {headers.map((h) => (
                <th key={h} className="py-1 pr-3 font-medium whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.row} className="border-t border-slate-100">
                <td className="py-1 pr-3 text-slate-500">{row.row}</td>
                {cells(kind, row, t).map((cell, i) => (
                  <td key={i} className="py-1 pr-3 whitespace-nowrap">
                    {cell || "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.rows.length > SHOWN_ROWS ? (
        <p className="text-xs text-slate-500">{t("admin.import.more", { count: preview.rows.length - SHOWN_ROWS })}</p>
      ) : null}
      {children}
    </section>
  );
}
