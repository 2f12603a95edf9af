"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DownloadLink } from "./download-link";

export interface LedgerUnit {
  id: string;
  name: string;
}

/** Picks one unit of the campaign and exports its 证据台账 (XLSX). */
export function LedgerPicker({ campaignId, units, buttonClassName }: { campaignId: string; units: LedgerUnit[]; buttonClassName: string }) {
  const t = useTranslations("exports");
  const id = useId();
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  if (units.length === 0) return <p className="text-sm text-slate-500">{t("noUnits")}</p>;
  return (
    <div className="flex flex-wrap items-start gap-2">
      <label htmlFor={id} className="sr-only">
        {t("ledgerUnit")}
      </label>
      <select
        id={id}
        value={unitId}
        onChange={(e) => setUnitId(e.target.value)}
        className="min-h-11 min-w-0 flex-1 basis-40 rounded-lg border-0 bg-white px-3 text-sm ring-1 ring-slate-300"
      >
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <DownloadLink key={unitId} href={`/api/exports/campaigns/${campaignId}/units/${unitId}/ledger`} className={buttonClassName}>
        {t("ledgerDownload")}
      </DownloadLink>
    </div>
  );
}
