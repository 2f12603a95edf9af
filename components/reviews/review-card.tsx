import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceList } from "@/components/evidence/evidence-list";
import type { EvidenceFile } from "@/db/queries/evidence";
import type { ReviewQueueItem } from "@/db/queries/reviews";
import { ReviewItemControls } from "./review-item-controls";

function formatNumber(value: string): string {
  return value.replace(/\.00$/, "");
}

/**
 * One submission waiting for review: who, what, the note, the figures against
 * their targets and the evidence, with the decision controls. Stacked on a
 * phone; content and controls side by side on a desktop.
 */
export async function ReviewCard({ item, files }: { item: ReviewQueueItem; files: EvidenceFile[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const sub = item.submission;
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });
  const name = `${item.unitName} · ${item.taskTitle}`;

  return (
    <li className="rounded-xl bg-white p-4 ring-1 ring-slate-200 lg:grid lg:grid-cols-[1fr_17rem] lg:gap-6 lg:p-5">
      <div className="min-w-0">
        <p className="text-sm font-semibold text-slate-900">
          {item.unitName}
          <span className="ml-1.5 text-xs font-normal text-slate-400">{t(`unitKind.${item.unitKind}`)}</span>
        </p>
        <h3 className="mt-1 leading-snug">
          <Link href={`/tasks/${item.id}`} className="font-medium text-brand-700 hover:underline">
            {item.taskTitle}
          </Link>
        </h3>
        <p className="mt-1 text-xs text-slate-500">
          {item.campaignName} · {item.activityTitle}
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {sub
            ? `${t("reviews.item.submittedAt", { time: format.dateTime(sub.submittedAt, { dateStyle: "medium", timeStyle: "short" }) })} · ${t("reviews.item.by", { name: sub.submitterName })} · `
            : null}
          {t("reviews.item.deadline", { date: day(item.deadline) })}
        </p>

        <div className="mt-3 rounded-lg bg-slate-50 px-3 py-2 text-sm">
          <p className="text-xs font-medium text-slate-500">{t("reviews.item.note")}</p>
          {sub?.note ? (
            <p className="mt-0.5 whitespace-pre-line leading-relaxed">{sub.note}</p>
          ) : (
            <p className="mt-0.5 text-slate-400">{t("reviews.item.noNote")}</p>
          )}
        </div>

        {sub && sub.figures.length > 0 ? (
          <dl className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={t("reviews.item.figures")}>
            {sub.figures.map((f) => (
              <div key={f.figureId} className="rounded-lg bg-brand-50 px-3 py-1.5 ring-1 ring-blue-100">
                <dt className="text-xs text-slate-500">{f.name}</dt>
                <dd className="font-medium tabular-nums">
                  {formatNumber(f.value)} {f.measureUnit}
                  {f.target ? (
                    <span className="ml-1 text-xs font-normal text-slate-400">
                      {t("reviews.item.target", { target: formatNumber(f.target) })}
                    </span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}

        <div className="mt-3">
          <p className="text-xs font-medium text-slate-500">
            {t("reviews.item.evidence")}
            <span className="ml-2 font-normal">
              {t("reviews.item.required")}：
              {item.evidenceRequired.map((k) => (t.has(`evidence.${k}`) ? t(`evidence.${k}`) : k)).join("、")}
            </span>
          </p>
          {files.length > 0 ? (
            <EvidenceList files={files} />
          ) : (
            <p className="mt-1 text-sm text-slate-400">{t("reviews.item.noFiles")}</p>
          )}
        </div>
      </div>
      <div className="mt-4 lg:mt-0">
        <ReviewItemControls assignmentId={item.id} version={item.version} name={name} />
      </div>
    </li>
  );
}
