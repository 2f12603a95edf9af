import { getTranslations } from "next-intl/server";
import type { TrendPoint } from "@/lib/completion-trend";

const W = 320;
const H = 140;
const PAD = { left: 30, right: 8, top: 8, bottom: 20 };

/**
 * Cumulative approved share per day as a small inline SVG line; scales to
 * the card's width, so it reads at 390 px as on a desktop.
 */
export async function CompletionChart({ points, total }: { points: TrendPoint[]; total: number }) {
  const t = await getTranslations("dashboard.trend");
  const last = points.at(-1);
  if (!last || total === 0) {
    return <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("empty")}</p>;
  }
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW : (i / (points.length - 1)) * innerW);
  const y = (pct: number) => PAD.top + innerH - (pct / 100) * innerH;
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`).join(" ");
  const area = `${PAD.left},${y(0)} ${line} ${x(points.length - 1).toFixed(1)},${y(0)}`;
  const first = points[0]!;

  return (
    <figure className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t("aria", { from: first.day, to: last.day, percent: last.percent })}
        className="h-auto w-full"
      >
        {[0, 50, 100].map((pct) => (
          <g key={pct}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(pct)} y2={y(pct)} stroke="rgb(226 232 240)" strokeWidth={1} />
            <text x={PAD.left - 4} y={y(pct) + 3} textAnchor="end" fontSize={9} fill="rgb(100 116 139)">
              {pct}%
            </text>
          </g>
        ))}
        <polygon points={area} fill="rgb(16 185 129 / 0.12)" />
        <polyline points={line} fill="none" stroke="rgb(5 150 105)" strokeWidth={2} strokeLinejoin="round" />
        <circle cx={x(points.length - 1)} cy={y(last.percent)} r={3} fill="rgb(5 150 105)" />
        <text x={PAD.left} y={H - 5} fontSize={9} fill="rgb(100 116 139)">
          {first.day.slice(5)}
        </text>
        <text x={W - PAD.right} y={H - 5} fontSize={9} textAnchor="end" fill="rgb(100 116 139)">
          {last.day.slice(5)}
        </text>
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600">
        {t("caption", { day: last.day, approved: last.approved, total, percent: last.percent })}
      </figcaption>
    </figure>
  );
}
