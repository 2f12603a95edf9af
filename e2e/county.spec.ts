import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SEED_YEAR, storageStateOf } from "./support/accounts";

// Read-only: the county leader only looks and downloads, so no other spec's rows are touched.
test.use({ storageState: storageStateOf("county") });

test("the county leader sees the township table, drills into 许明寺镇 and sees its heat-map", async ({ page }) => {
  await page.goto("/county");
  await expect(page.getByRole("heading", { name: "全县汇总", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "选择活动" }).getByRole("link", { name: new RegExp(`${SEED_YEAR}年安全生产月`) })).toBeVisible();
  const table = page.getByRole("region", { name: "各乡镇情况" });
  await expect(table.getByRole("columnheader", { name: "完成率" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "全县合计" })).toBeVisible();
  await expect(table.getByRole("link", { name: "龙河镇" })).toBeVisible();
  const ranking = page.getByRole("list", { name: "完成率排名" });
  await expect(ranking.getByRole("listitem")).toHaveCount(2);
  await expect(ranking.getByText("许明寺镇")).toBeVisible();

  await table.getByRole("link", { name: "许明寺镇" }).click();
  await expect(page).toHaveURL(/\/county\/townships\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "许明寺镇", level: 1 })).toBeVisible();
  await expect(page.getByText("只读查看")).toBeVisible();
  const heatMap = page.getByRole("region", { name: "单位 × 活动完成情况" });
  await expect(heatMap.getByRole("rowheader", { name: /青杠村/ })).toBeVisible();
  for (const word of ["通过", "退回", "催办", "编辑"]) {
    await expect(page.getByRole("button", { name: word })).toHaveCount(0);
  }
});

test("the county XLSX downloads and is a zip", async ({ page }) => {
  await page.goto("/county");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出全县汇总（XLSX）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^丰都县_.*安全生产月_全县汇总_\d{8}\.xlsx$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
});

test("a county user gets the not-found page for township pages and another county's id", async ({ page }) => {
  expect((await page.goto("/dashboard"))?.status()).toBe(404);
  expect((await page.goto("/tasks"))?.status()).toBe(404);
  expect((await page.goto("/county/townships/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await page.goto("/county/townships/not-an-id"))?.status()).toBe(404);
});
