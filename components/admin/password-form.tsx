"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionErrors, type CampaignAction } from "@/components/campaigns/action-form";
import { buttonClass, Field, inputClass } from "@/components/campaigns/form-styles";
import type { ActionResult } from "@/lib/auth/action-core";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** 修改密码; on success the user goes on to their home page (the forced change is over). */
export function PasswordForm({ action, home }: { action: CampaignAction; home: string }) {
  const t = useTranslations("admin.account");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await action(data);
          if (!result.ok) {
            setFailure(result);
            return;
          }
          router.replace(home);
          router.refresh();
        });
      }}
    >
      <Field label={t("current")}>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Field label={t("new")} hint={t("rule")}>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} className={inputClass} />
      </Field>
      <Field label={t("confirm")}>
        <input name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      {failure ? <ActionErrors failure={failure} /> : null}
      <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full sm:w-auto`}>
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
