"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { FormError } from "@/components/ui/form-error";

/** 全部标为已读: marks every unread notification of the signed-in user. */
export function MarkAllReadButton({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="shrink-0 text-right">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ all: true });
            if (!result.ok) return setError(t(`errors.${result.code}`));
            setError(null);
            router.refresh();
          })
        }
        className="min-h-11 rounded-xl bg-white px-4 py-2 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-brand-50 disabled:opacity-60"
      >
        {pending ? t("submit.notifications.marking") : t("submit.notifications.markAll")}
      </button>
      <FormError message={error} inline className="mt-1" />
    </div>
  );
}
