import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AckStatusRows } from "@/components/assignments/ack-status";
import { AcknowledgeButton } from "@/components/assignments/acknowledge-button";
import { AssignmentTimeline } from "@/components/assignments/assignment-timeline";
import { EscalationChip } from "@/components/assignments/escalation-chip";
import { SupervisionForm } from "@/components/assignments/supervision-form";
import { SupervisionOrders } from "@/components/assignments/supervision-orders";
import { ExtensionForm } from "@/components/submit/extension-form";
import { ExtensionList } from "@/components/submit/extension-list";
import { ReturnNotice } from "@/components/submit/return-notice";
import { SubmissionForm } from "@/components/submit/submission-form";
import { TaskHazards } from "@/components/hazards/task-hazards";
import { StatusChip } from "@/components/ui/status-chip";
import { TrafficLight } from "@/components/ui/traffic-light";
import { getAssignmentDetail } from "@/db/queries/assignments";
import { listSupervisionOrders } from "@/db/queries/supervision-orders";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { earliestExtensionDate } from "@/lib/commands/request-extension";
import { escalationLevel } from "@/lib/reach/rules";
import { loadSchedule } from "@/lib/reach/settings";
import { displayState, OPEN_STATUSES, trafficLight } from "@/lib/status";
import { acknowledge, askForExtension, issueSupervision, submit } from "./actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "任务详情" };

export default async function AssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext("assignment.read");
  const detail = await getAssignmentDetail(ctx, (await params).id);
  if (!detail) notFound();
  const [t, format, schedule, orders] = await Promise.all([
    getTranslations(),
    getFormatter(),
    loadSchedule(ctx.db, ctx.orgId),
    listSupervisionOrders(ctx, detail.id),
  ]);
  const now = new Date();
  const state = displayState(detail.status, detail.deadline, now);
  const level = escalationLevel(detail.status, detail.deadline, now, schedule.escalationDays);
  // Work happens only while the campaign is active (lib/commands/campaign-open.ts).
  const open = detail.campaignStatus === "active";
  const canAcknowledge = open && can(ctx.role, "assignment.acknowledge") && !detail.acknowledgedAt;
  const canSubmit = open && can(ctx.role, "assignment.submit") && (detail.status === "pending" || detail.status === "returned");
  const canAskForExtension =
    open &&
    can(ctx.role, "extension.request") &&
    detail.status !== "approved" &&
    !detail.extensionRequests.some((r) => r.status === "pending");
  const canSupervise = open && can(ctx.role, "assignment.remind") && OPEN_STATUSES.includes(detail.status);
  const lastReturn = detail.status === "returned" ? detail.events.findLast((e) => e.toStatus === "returned") : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/tasks" className="inline-block py-1 text-sm text-brand-700">
        ← {t("assignment.back")}
      </Link>
      <section className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
        <div className="flex items-start gap-3">
          <span className="mt-2">
            <TrafficLight light={trafficLight(detail.status, detail.deadline, now)} />
          </span>
          <div className="min-w-0 flex-1">
            <h1 className="text-lg font-semibold leading-snug">{detail.taskTitle}</h1>
            <div className="mt-2 flex flex-wrap gap-2">
              <StatusChip state={state} />
              {level ? <EscalationChip level={level} /> : null}
            </div>
          </div>
        </div>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{t("assignment.deadline")}</dt>
          <dd className={state === "overdue" ? "font-medium text-red-700" : ""}>
            {format.dateTime(detail.deadline, { dateStyle: "medium", timeStyle: "short" })}
          </dd>
          <AckStatusRows item={detail} schedule={schedule} now={now} />
          <dt className="text-slate-500">{t("assignment.unit")}</dt>
          <dd>{detail.unitName}</dd>
          <dt className="text-slate-500">{t("assignment.campaign")}</dt>
          <dd>{detail.campaignName}</dd>
          <dt className="text-slate-500">{t("assignment.activity")}</dt>
          <dd>{detail.activityTitle}</dd>
          <dt className="text-slate-500">{t("assignment.evidenceRequired")}</dt>
          <dd className="flex flex-wrap gap-1">
            {detail.evidenceRequired.map((kind) => (
              <span key={kind} className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                {t.has(`evidence.${kind}`) ? t(`evidence.${kind}`) : kind}
              </span>
            ))}
          </dd>
        </dl>
        {detail.taskDescription ? (
          <div className="mt-4">
            <h2 className="text-sm font-medium text-slate-500">{t("assignment.description")}</h2>
            <p className="mt-1 whitespace-pre-line text-sm leading-relaxed">{detail.taskDescription}</p>
          </div>
        ) : null}
        {canAcknowledge ? (
          <div className="mt-5">
            <AcknowledgeButton assignmentId={detail.id} action={acknowledge} />
          </div>
        ) : null}
      </section>
      {lastReturn ? <ReturnNotice reason={lastReturn.reason} actorName={lastReturn.actorName} at={lastReturn.createdAt} /> : null}
      {canSubmit ? (
        <SubmissionForm
          assignmentId={detail.id}
          version={detail.version}
          figures={detail.figures}
          resubmit={detail.status === "returned"}
          action={submit}
        />
      ) : null}
      {orders.length > 0 || canSupervise ? (
        <SupervisionOrders orders={orders}>
          {canSupervise ? <SupervisionForm assignmentId={detail.id} suggested={level} action={issueSupervision} /> : null}
        </SupervisionOrders>
      ) : null}
      <AssignmentTimeline detail={detail} />
      <TaskHazards ctx={ctx} assignmentId={detail.id} now={now} />
      <ExtensionList requests={detail.extensionRequests} />
      {canAskForExtension ? (
        <ExtensionForm assignmentId={detail.id} minDate={earliestExtensionDate(detail.deadline, now)} action={askForExtension} />
      ) : null}
    </div>
  );
}
