"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { actionErrorMessage } from "@/components/submit/action-error";
import type { ActionResult } from "@/lib/auth/action-core";
import { FormError } from "@/components/ui/form-error";

const TONES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  danger: "bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50",
} as const;

/** A file input left empty still sends a nameless, empty file; it is not an upload, so it is not sent. */
export function withoutEmptyFiles(data: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of data.entries()) {
    if (value instanceof File && value.size === 0 && value.name === "") continue;
    out.append(key, value);
  }
  return out;
}

function hazardIdOf(data: unknown): string | null {
  if (typeof data !== "object" || data === null || !("hazardId" in data)) return null;
  return typeof data.hazardId === "string" ? data.hazardId : null;
}

/**
 * A form posting its fields (files included) to a hazard server action. On
 * success it refreshes the page's data, or opens the new hazard; a refusal is
 * shown in place, with the server's message.
 */
export function HazardActionForm({
  action,
  submitLabel,
  children,
  openHazard = false,
  tone = "primary",
  className = "",
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  children: React.ReactNode;
  openHazard?: boolean;
  tone?: keyof typeof TONES;
  className?: string;
}) {
  const t = useTranslations("hazards.actions");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = withoutEmptyFiles(new FormData(form));
    setError(null);
    startTransition(async () => {
      const result = await action(data);
      if (!result.ok) return setError(actionErrorMessage(result));
      const hazardId = openHazard ? hazardIdOf(result.data) : null;
      if (hazardId) return router.push(`/hazards/${hazardId}`);
      form.reset();
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} aria-busy={pending} className={className}>
      <fieldset disabled={pending} className="space-y-4">
        {children}
      </fieldset>
      <FormError message={error} className="mt-4" />
      <button
        type="submit"
        disabled={pending}
        className={`mt-4 min-h-12 w-full rounded-xl px-4 py-3 text-base font-semibold disabled:opacity-60 ${TONES[tone]}`}
      >
        {pending ? t("working") : submitLabel}
      </button>
    </form>
  );
}
