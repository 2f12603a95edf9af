"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { ActionResult } from "@/lib/auth/action-core";

interface Notice {
  tone: "ok" | "error";
  text: string;
}

type Report = (result: ActionResult<unknown>, success: string) => void;

const NoticeContext = createContext<Report | null>(null);

/** Reports a decision's outcome in the bar at the bottom of the list. */
export function useReport(): Report {
  const report = useContext(NoticeContext);
  if (!report) throw new Error("useReport outside DecisionNoticeProvider");
  return report;
}

/**
 * Decided items leave the list, so their outcome is shown here, in a bar that
 * stays on screen, rather than on the item. Every outcome refreshes the list:
 * a success drops the decided items, a conflict shows what changed meanwhile.
 */
export function DecisionNoticeProvider({ children, toolbar }: { children: React.ReactNode; toolbar?: React.ReactNode }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const report = useCallback<Report>(
    (result, success) => {
      setNotice(result.ok ? { tone: "ok", text: success } : { tone: "error", text: result.message });
      router.refresh();
    },
    [router],
  );
  const value = useMemo(() => report, [report]);

  return (
    <NoticeContext.Provider value={value}>
      {children}
      {toolbar || notice ? (
        <div className="sticky bottom-0 z-10 -mx-4 mt-3 space-y-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border-0 sm:ring-1 sm:ring-slate-200">
          {notice ? (
            <p
              role={notice.tone === "error" ? "alert" : "status"}
              className={`rounded-lg px-3 py-2 text-sm ${
                notice.tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"
              }`}
            >
              {notice.text}
            </p>
          ) : null}
          {toolbar}
        </div>
      ) : null}
    </NoticeContext.Provider>
  );
}
