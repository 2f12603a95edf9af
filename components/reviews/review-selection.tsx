"use client";

import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useMemo, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { DecisionNoticeProvider, useReport } from "./decision-notice";

export type ReviewAction = (input: unknown) => Promise<ActionResult<unknown>>;

export interface QueueEntry {
  assignmentId: string;
  version: number;
}

interface ReviewQueueState {
  entries: QueueEntry[];
  selected: ReadonlySet<string>;
  toggle(assignmentId: string): void;
  setPicked(ids: ReadonlySet<string>): void;
  approve: ReviewAction;
  giveBack: ReviewAction;
}

const QueueContext = createContext<ReviewQueueState | null>(null);

export function useReviewQueue(): ReviewQueueState {
  const state = useContext(QueueContext);
  if (!state) throw new Error("useReviewQueue outside ReviewQueueProvider");
  return state;
}

/** Holds the reviewer's selection for bulk approval, and the actions the items call. */
export function ReviewQueueProvider({
  entries,
  approve,
  giveBack,
  children,
}: {
  entries: QueueEntry[];
  approve: ReviewAction;
  giveBack: ReviewAction;
  children: React.ReactNode;
}) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  // Items that left the queue (decided here or elsewhere) drop out of the selection.
  const selected = useMemo(() => {
    const live = new Set(entries.map((e) => e.assignmentId));
    return new Set([...picked].filter((id) => live.has(id)));
  }, [entries, picked]);

  const toggle = useCallback((id: string) => {
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const state = useMemo(
    () => ({ entries, selected, toggle, setPicked, approve, giveBack }),
    [entries, selected, toggle, approve, giveBack],
  );

  return (
    <QueueContext.Provider value={state}>
      <DecisionNoticeProvider toolbar={entries.length > 0 ? <BulkBar /> : null}>{children}</DecisionNoticeProvider>
    </QueueContext.Provider>
  );
}

function BulkBar() {
  const t = useTranslations("reviews");
  const { entries, selected, setPicked, approve } = useReviewQueue();
  const report = useReport();
  const [pending, startTransition] = useTransition();
  const allSelected = entries.length > 0 && selected.size === entries.length;

  const approveSelected = () =>
    startTransition(async () => {
      const items = entries.filter((e) => selected.has(e.assignmentId));
      const result = await approve({ items });
      if (result.ok) setPicked(new Set());
      report(result, t("bulk.approved", { count: items.length }));
    });

  return (
    <div className="flex items-center gap-3">
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-5 w-5 accent-brand-600"
          checked={allSelected}
          onChange={() => setPicked(allSelected ? new Set() : new Set(entries.map((e) => e.assignmentId)))}
        />
        {t("bulk.selectAll")}
      </label>
      <span className="text-sm text-slate-500">{t("bulk.selected", { count: selected.size })}</span>
      <button
        type="button"
        disabled={selected.size === 0 || pending}
        onClick={approveSelected}
        className="ml-auto min-h-11 rounded-xl bg-brand-600 px-5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {pending ? t("actions.working") : t("bulk.approve")}
      </button>
    </div>
  );
}
