"use client";

import { useTranslations } from "next-intl";

export interface Credential {
  username: string;
  displayName: string;
  temporaryPassword: string;
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The imported users' temporary passwords, shown this once: a table to read
 * out and a CSV built in the browser, so the passwords never sit on the server.
 */
export function ImportCredentials({ credentials }: { credentials: Credential[] }) {
  const t = useTranslations("admin.import.credentials");
  const header = [t("displayName"), t("username"), t("password")];
  const lines = [header, ...credentials.map((c) => [c.displayName, c.username, c.temporaryPassword])];
  // The BOM makes Excel open the UTF-8 file with the Chinese names intact.
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent("\uFEFF" + lines.map((l) => l.map(csvCell).join(",")).join("\r\n"))}`;
  return (
    <div className="space-y-2">
      <p>{t("hint")}</p>
      <a href={href} download={t("fileName")} className="inline-block font-medium text-brand-700 underline">
        {t("download")}
      </a>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-emerald-200">
        <table aria-label={t("title")} className="min-w-full text-left text-sm text-slate-800">
          <thead className="text-xs text-slate-500">
            <tr>
              {header.map((h) => (
                <th key={h} className="px-3 py-1 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr key={c.username} className="border-t border-slate-100">
                <td className="px-3 py-1 whitespace-nowrap">{c.displayName}</td>
                <td className="px-3 py-1 font-mono">{c.username}</td>
                <td className="px-3 py-1 font-mono tracking-wider">{c.temporaryPassword}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
