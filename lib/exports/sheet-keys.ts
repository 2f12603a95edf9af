/** The sheets of a campaign's compliance report, in workbook order; also the CSV `sheet` parameter. */
export const SHEET_KEYS = ["summary", "matrix", "assignments", "hazards", "audit"] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export const SHEET_NAMES: Record<SheetKey, string> = {
  summary: "汇总",
  matrix: "完成矩阵",
  assignments: "任务明细",
  hazards: "隐患台账",
  audit: "操作日志",
};

export function isSheetKey(value: string | null): value is SheetKey {
  return (SHEET_KEYS as readonly (string | null)[]).includes(value);
}
