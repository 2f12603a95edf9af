/** The benchmark's one table (figure, bare-database counterpart, ratio, target) and its JSON twin. */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same thing without HTTP and rendering (or pgbench), when there is one. */
  bare?: number;
  bareLabel?: string;
  /** Human-readable target, and whether the value meets it (timings are reported, never asserted). */
  target?: string;
  met?: boolean;
}

export interface Report {
  startedAt: string;
  size: string;
  machine: { cpus: number; loadAverage: number[]; totalMemoryGb: number; node: string };
  dataset: Record<string, number | string>;
  figures: Figure[];
}

const fmt = (n: number | undefined) =>
  n === undefined || Number.isNaN(n)
    ? "—"
    : Number.isInteger(n) || Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

export function ratioOf(f: Figure): number | undefined {
  return f.bare === undefined || f.bare === 0 ? undefined : f.value / f.bare;
}

export function machine(): Report["machine"] {
  return {
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    totalMemoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
  };
}

export function printTable(report: Report): void {
  const header = ["figure", "value", "unit", "bare database", "ratio", "target", "met"];
  const rows = report.figures.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.name,
      fmt(f.value),
      f.unit,
      f.bare === undefined ? "—" : `${fmt(f.bare)}${f.bareLabel ? ` (${f.bareLabel})` : ""}`,
      ratio === undefined ? "—" : `${ratio.toFixed(2)}×`,
      f.target ?? "",
      f.met === undefined ? "" : f.met ? "yes" : "NO",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  console.log(`\nDuban benchmark — size ${report.size}, ${report.startedAt}, ${report.machine.cpus} cores, load ${report.machine.loadAverage.join(" ")}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/** Writes bench-results/<timestamp>-<size>.json and returns its path. */
export function writeJson(report: Report, dir = "bench-results"): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-");
  const file = path.join(dir, `${stamp}-${report.size}.json`);
  const figures = report.figures.map((f) => ({ ...f, ratio: ratioOf(f) ?? null }));
  writeFileSync(file, `${JSON.stringify({ ...report, figures }, null, 2)}\n`);
  return path.resolve(file);
}
