"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { FormError } from "@/components/ui/form-error";

export function AcknowledgeButton({
  assignmentId,
  action,
}: {
  assignmentId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ assignmentId });
            if (result.ok) {
              setError(null);
              router.refresh();
            } else {
              setError(t(`errors.${result.code}`));
            }
          })
        }
        className="w-full rounded-xl bg-brand-600 px-4 py-3 text-base font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {pending ? t("assignment.acknowledging") : t("assignment.acknowledge")}
      </button>
      <FormError message={error} inline className="mt-2" />
    </div>
  );
}
