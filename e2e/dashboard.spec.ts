import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

// Read-only: other spec files change the data of 青杠村, 石龙村 and the 加油站 in parallel,
// so this file asserts structure and never picks those units' cells.
const BUSY_UNITS = ["青杠村", "石龙村", "丰都县瑞丰石油许明寺加油站"];
const HEATMAP = "单位 × 活动完成情况";

test.describe("leader", () => {
  test.use({ storageState: storageStateOf("leader") });

  test("drills from an overdue (red) cell down to the assignment's timeline and evidence", async ({ page }) => {
    await page.goto("/dashboard");
    const map = page.getByRole("region", { name: HEATMAP });
    await expect(map).toBeVisible();
    await expect(page.getByRole("list", { name: "图例" })).toContainText("有逾期");

    const red = map.getByRole("link", { name: /：有逾期，/ });
    const labels = await red.evaluateAll((links) => links.map((l) => l.getAttribute("aria-label") ?? ""));
    const index = labels.findIndex((label) => !BUSY_UNITS.some((u) => label.startsWith(`${u} ·`)));
    expect(index).toBeGreaterThanOrEqual(0);
    const unitName = labels[index]!.split(" · ")[0]!;
    await red.nth(index).click();

    await expect(page).toHaveURL(/\/dashboard\/cell\?campaign=.+&unit=.+&activity=.+/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(unitName);
    const tasks = page.getByRole("region", { name: /该项任务/ });
    const overdue = tasks.getByRole("link").filter({ hasText: "已逾期" });
    await expect(overdue.first()).toBeVisible();
    await overdue.first().click();

    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect(page.getByText(unitName, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "办理记录" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "提交记录" })).toBeVisible();
  });

  test("the unit-kind filter changes the rows of the heat-map, and the URL can be shared", async ({ page }) => {
    await page.goto("/dashboard");
    const rows = page.getByRole("region", { name: HEATMAP }).getByRole("rowheader");
    const all = await rows.count();
    await page.getByRole("form", { name: "筛选" }).getByText("企业", { exact: true }).click();
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/[?&]kind=enterprise/);
    await expect(rows.first()).toContainText("企业");
    const enterprises = await rows.count();
    expect(enterprises).toBeGreaterThan(0);
    expect(enterprises).toBeLessThan(all);
    for (const text of await rows.allInnerTexts()) expect(text).toContain("企业");
    await expect(page.getByRole("heading", { name: "单位考核排名" })).toBeVisible();
    await page.getByRole("link", { name: "清除筛选" }).click();
    await expect(rows).toHaveCount(all);
  });

  test("an unknown cell is not found", async ({ page }) => {
    const response = await page.goto("/dashboard/cell?campaign=x&unit=y&activity=z");
    expect(response?.status()).toBe(404);
  });
});

test.describe("auditor", () => {
  test.use({ storageState: storageStateOf("auditor") });

  test("sees the leader's dashboards read-only: no 催办, no review, no change controls", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: HEATMAP })).toBeVisible();
    await expect(page.getByRole("heading", { name: "单位考核排名" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "分项完成情况" })).toBeVisible();
    await expect(page.getByRole("button", { name: /催办/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "一键催办" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /去审核/ })).toHaveCount(0);
    // The only buttons are the read-only filters and the header's own (sign out).
    const buttons = await page.getByRole("main").getByRole("button").allInnerTexts();
    expect(buttons.every((b) => ["筛选", "查看"].includes(b.trim()))).toBe(true);
  });
});

test.describe("liaison", () => {
  test.use({ storageState: storageStateOf("liaison") });

  test("cannot open the dashboard or a cell", async ({ page }) => {
    expect((await page.goto("/dashboard"))?.status()).toBe(404);
    expect((await page.goto("/dashboard/cell?campaign=x&unit=y&activity=z"))?.status()).toBe(404);
  });
});
