import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SEED_YEAR, storageStateOf } from "./support/accounts";

// Read-only: the auditor only downloads, so this file touches no rows other specs use.
test.use({ storageState: storageStateOf("auditor") });

const yyyymmdd = () => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return parts.replaceAll("-", "");
};

function campaignCard(page: import("@playwright/test").Page) {
  return page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `${SEED_YEAR}年安全生产月`, exact: true }) });
}

test("an auditor sees the report exports and no edit controls", async ({ page }) => {
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "报表", level: 1 })).toBeVisible();
  const card = campaignCard(page);
  await expect(card.getByRole("link", { name: "下载合规报告（XLSX）" })).toBeVisible();
  await expect(card.getByRole("link", { name: "打印报告" })).toBeVisible();
  for (const sheet of ["汇总", "完成矩阵", "任务明细", "隐患台账", "操作日志"]) {
    await expect(card.getByRole("link", { name: `${sheet} CSV` })).toBeVisible();
  }
  await expect(card.getByRole("combobox", { name: "单位" })).toBeVisible();
  await expect(card.getByRole("link", { name: "导出台账" })).toBeVisible();
  for (const word of ["新建", "编辑", "通过", "退回", "催办"]) {
    await expect(page.getByRole("button", { name: word })).toHaveCount(0);
  }
});

test("the XLSX downloads under its Chinese name and is a zip", async ({ page }) => {
  await page.goto("/reports");
  const card = campaignCard(page);
  const campaignName = (await card.getByRole("link", { name: /安全生产月$/ }).innerText()).trim();
  const downloading = page.waitForEvent("download");
  await card.getByRole("link", { name: "下载合规报告（XLSX）" }).click();
  await expect(card.getByRole("status").first()).toContainText(/正在生成|已保存/);
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${campaignName}_合规报告_${yyyymmdd()}.xlsx`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  await expect(card.getByText(`已保存 ${campaignName}_合规报告_${yyyymmdd()}.xlsx`)).toBeVisible();
});

test("a CSV download starts with the UTF-8 BOM", async ({ page }) => {
  await page.goto("/reports");
  const card = campaignCard(page);
  const downloading = page.waitForEvent("download");
  await card.getByRole("link", { name: "任务明细 CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/_任务明细_\d{8}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("单位,单位类型,活动,任务,截止时间,状态");
});

test("a unit's ledger downloads as XLSX", async ({ page }) => {
  await page.goto("/reports");
  const card = campaignCard(page);
  await card.getByRole("combobox", { name: "单位" }).selectOption({ label: "青杠村" });
  const downloading = page.waitForEvent("download");
  await card.getByRole("link", { name: "导出台账" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/_青杠村_证据台账_\d{8}\.xlsx$/);
});

test("the printable report renders its sections for paper", async ({ page }) => {
  await page.goto("/reports");
  await campaignCard(page).getByRole("link", { name: "打印报告" }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}\/print$/);
  await expect(page.getByRole("heading", { level: 1, name: /安全生产月合规报告$/ })).toBeVisible();
  for (const name of ["一、总体情况", "二、完成矩阵", "三、逾期与退回事项", "四、隐患整改情况", "五、审核签字"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByText("填报单位（盖章）：")).toBeVisible();
  const printButton = page.getByRole("button", { name: "打印 / 保存为 PDF" });
  await expect(printButton).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(printButton).toBeHidden();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("print.png"), fullPage: true });
});
