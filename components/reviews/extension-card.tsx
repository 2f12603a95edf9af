import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { PendingExtension } from "@/db/queries/reviews";
import { shanghaiDay } from "@/lib/deadline-day";
import { isOverdue } from "@/lib/status";
import { ExtensionDecision } from "./extension-decision";
import type { ReviewAction } from "./review-selection";

/** One 延期申请: the unit's reason, the deadline today and the one asked for, and the decision. */
export async function ExtensionCard({
  request,
  now,
  grant,
  refuse,
}: {
  request: PendingExtension;
  now: Date;
  grant: ReviewAction;
  refuse: ReviewAction;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });
  const overdue = isOverdue(request.assignmentStatus, request.currentDeadline, now);

  return (
    <li className="rounded-xl bg-white p-4 ring-1 ring-slate-200 lg:grid lg:grid-cols-[1fr_17rem] lg:gap-6 lg:p-5">
      <div className="min-w-0">
        <p className="text-sm font-semibold">
          {request.unitName}
          <span className="ml-1.5 text-xs font-normal text-slate-400">{t(`unitKind.${request.unitKind}`)}</span>
        </p>
        <h3 className="mt-1 leading-snug">
          <Link href={`/tasks/${request.assignmentId}`} className="font-medium text-brand-700 hover:underline">
            {request.taskTitle}
          </Link>
        </h3>
        <p className="mt-1 text-xs text-slate-500">{request.campaignName}</p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
          <div className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t("reviews.extension.current")}</dt>
            <dd className={`font-medium tabular-nums ${overdue ? "text-red-700" : ""}`}>
              {day(request.currentDeadline)}
              {overdue ? <span className="ml-1 text-xs">（{t("status.overdue")}）</span> : null}
            </dd>
          </div>
          <div className="rounded-lg bg-brand-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t("reviews.extension.requested")}</dt>
            <dd className="font-medium tabular-nums">{day(request.requestedDeadline)}</dd>
          </div>
        </dl>
        <div className="mt-3 text-sm">
          <p className="text-xs font-medium text-slate-500">{t("reviews.extension.reason")}</p>
          <p className="mt-0.5 whitespace-pre-line leading-relaxed">{request.reason}</p>
          <p className="mt-1 text-xs text-slate-400">
            {t("reviews.extension.requestedBy", {
              name: request.requesterName,
              time: format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        </div>
      </div>
      <div className="mt-4 lg:mt-0">
        <ExtensionDecision
          requestId={request.id}
          requestedDay={shanghaiDay(request.requestedDeadline)}
          today={shanghaiDay(now)}
          grant={grant}
          refuse={refuse}
        />
      </div>
    </li>
  );
}
