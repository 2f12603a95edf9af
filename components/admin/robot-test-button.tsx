"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, type CampaignAction } from "@/components/campaigns/action-form";

interface Outcome {
  sent: boolean;
  response: string;
}

const isOutcome = (data: unknown): data is Outcome =>
  typeof data === "object" && data !== null && "sent" in data && "response" in data;

/** 发送测试消息: sends at once and says what the provider answered (成功 / 失败：…). */
export function RobotTestButton({ action, robotId }: { action: CampaignAction; robotId: string }) {
  const t = useTranslations("admin.reach.robots");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <div className="space-y-2">
      <ActionForm
        action={action}
        variant="secondary"
        submitLabel={t("test")}
        hidden={{ robotId }}
        onSuccess={(data) => setOutcome(isOutcome(data) ? data : null)}
      />
      {outcome ? (
        <p
          role="status"
          className={`rounded-lg p-2 text-sm ring-1 ${
            outcome.sent ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200"
          }`}
        >
          {outcome.sent ? t("testOk") : t("testFailed", { response: outcome.response })}
        </p>
      ) : null}
    </div>
  );
}
