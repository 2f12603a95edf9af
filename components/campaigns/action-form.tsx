"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action-core";
import { buttonClass, type ButtonVariant } from "./form-styles";

export type CampaignAction = (input: unknown) => Promise<ActionResult<unknown>>;
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** Every problem of a refused action: field errors by field, or the server's message line by line. */
export function ActionErrors({ failure }: { failure: Failure }) {
  const t = useTranslations();
  const fields = Object.entries(failure.fieldErrors ?? {});
  const [headline, ...lines] = failure.message.split("\n");
  const items =
    fields.length > 0
      ? fields.flatMap(([key, messages]) =>
          messages.map((m) => (t.has(`campaigns.fields.${key}`) ? `${t(`campaigns.fields.${key}`)}：${m}` : m)),
        )
      : lines;
  const title = fields.length > 0 ? t(`errors.${failure.code}`) : headline;
  return (
    <div role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      <p className="font-medium">{title}</p>
      {items.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A form bound to a campaign server action: sends its fields as FormData,
 * shows every problem the server reports, and on success refreshes the page
 * (or goes to `redirectTo`, where {id} is replaced by the new campaign's id).
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  hidden,
  variant = "primary",
  confirm,
  redirectTo,
  resetOnSuccess = false,
  className = "space-y-3",
  onSuccess,
}: {
  action: CampaignAction;
  submitLabel: string;
  children?: React.ReactNode;
  hidden?: Record<string, string>;
  variant?: ButtonVariant;
  confirm?: string;
  redirectTo?: string;
  resetOnSuccess?: boolean;
  className?: string;
  onSuccess?: (data: unknown) => void;
}) {
  const t = useTranslations("campaigns");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);

  return (
    <form
      ref={form}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(event.currentTarget);
        for (const [key, value] of Object.entries(hidden ?? {})) data.set(key, value);
        startTransition(async () => {
          const result = await action(data);
          if (!result.ok) {
            setFailure(result);
            return;
          }
          setFailure(null);
          onSuccess?.(result.data);
          const id = (result.data as { campaignId?: string } | null)?.campaignId;
          if (redirectTo && id) {
            router.push(redirectTo.replace("{id}", id));
            return;
          }
          if (resetOnSuccess) form.current?.reset();
          router.refresh();
        });
      }}
    >
      {children}
      {failure ? <ActionErrors failure={failure} /> : null}
      <button type="submit" disabled={pending} className={buttonClass(variant)}>
        {pending ? t("working") : submitLabel}
      </button>
    </form>
  );
}
