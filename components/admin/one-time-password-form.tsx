"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, type CampaignAction } from "@/components/campaigns/action-form";
import type { ButtonVariant } from "@/components/campaigns/form-styles";

/**
 * A form whose action returns a temporary password (create user, reset,
 * hand-over to a new user): the password is shown here once and never again.
 */
export function OneTimePasswordForm({
  action,
  submitLabel,
  children,
  hidden,
  variant,
  confirm,
  resetOnSuccess,
}: {
  action: CampaignAction;
  submitLabel: string;
  children?: React.ReactNode;
  hidden?: Record<string, string>;
  variant?: ButtonVariant;
  confirm?: string;
  resetOnSuccess?: boolean;
}) {
  const t = useTranslations("admin");
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  return (
    <div className="space-y-3">
      <ActionForm
        action={action}
        submitLabel={submitLabel}
        hidden={hidden}
        variant={variant}
        confirm={confirm}
        resetOnSuccess={resetOnSuccess}
        onSuccess={(data) => {
          const d = data as { username?: string; temporaryPassword?: string | null } | null;
          setIssued(d?.temporaryPassword ? { username: d.username ?? "", password: d.temporaryPassword } : null);
        }}
      >
        {children}
      </ActionForm>
      {issued ? (
        <div role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-medium">{t("password.issued", { username: issued.username })}</p>
          <p className="mt-1 font-mono text-lg tracking-wider" aria-label={t("password.temporary")}>
            {issued.password}
          </p>
          <p className="mt-1 text-xs">{t("password.onceHint")}</p>
        </div>
      ) : null}
    </div>
  );
}
