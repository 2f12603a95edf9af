import { expect, test } from "@playwright/test";
import { SEED_YEAR, storageStateOf, taskList } from "./support/accounts";

test.describe("leader", () => {
  test.use({ storageState: storageStateOf("leader") });

  test("lands on the dashboard of the active campaign with seeded figures", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "仪表盘" })).toBeVisible();
    const campaigns = page.getByRole("navigation", { name: "当前活动" });
    for (const name of [`${SEED_YEAR}年安全生产月`, `${SEED_YEAR}年安全生产许明寺行`]) {
      await expect(campaigns.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(campaigns.getByRole("link", { name: /三年行动/ })).toBeVisible();
    await expect(page.getByText("完成率").first()).toBeVisible();
    const units = page.getByRole("table");
    await expect(units.getByRole("row")).not.toHaveCount(1);
    await expect(page.getByRole("heading", { name: "逾期清单" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "隐患整改" })).toBeVisible();
    // A major hazard stays on the dashboard until it is closed (销号).
    await expect(page.getByRole("heading", { name: "未销号的重大隐患" })).toBeVisible();
  });

  test("sees every unit's tasks", async ({ page }) => {
    await page.goto("/tasks?filter=all");
    await expect(page.getByRole("heading", { name: "全部任务" })).toBeVisible();
    await expect(taskList(page).getByRole("listitem").first()).toBeVisible();
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("lands on the dashboard", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText("系统管理员")).toBeVisible();
    await expect(page.getByRole("table").first()).toBeVisible();
  });
});

test.describe("auditor", () => {
  test.use({ storageState: storageStateOf("auditor") });

  test("lands on reports listing each campaign's completion, read-only", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByRole("heading", { name: "报表" })).toBeVisible();
    await expect(page.getByRole("link", { name: `${SEED_YEAR}年安全生产月`, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /三年行动/ })).toBeVisible();
    await page.goto("/tasks?filter=all");
    await taskList(page).getByRole("listitem").first().getByRole("link").click();
    await expect(page.getByRole("heading", { name: "办理记录" })).toBeVisible();
    await expect(page.getByRole("button", { name: "签收任务" })).toHaveCount(0);
  });
});

test.describe("liaison", () => {
  test.use({ storageState: storageStateOf("liaison") });

  test("lands on my tasks, sorted by deadline, with status and traffic light", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole("heading", { name: "我的任务" })).toBeVisible();
    const items = taskList(page).getByRole("listitem");
    await expect(items.first()).toBeVisible();
    await expect(page.getByRole("img", { name: "已逾期" }).first()).toBeVisible();
    // No dashboards, reviews, campaigns or reports for a liaison.
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link")).toHaveText(["我的任务", "隐患台账"]);
  });

  test("acknowledges (签收) a new task", async ({ page }) => {
    await page.goto("/tasks?filter=open");
    await page.getByRole("link", { name: /未签收/ }).first().click();
    await page.getByRole("button", { name: "签收任务" }).click();
    await expect(page.getByText(/已于 .* 签收/)).toBeVisible();
    await expect(page.getByRole("button", { name: "签收任务" })).toHaveCount(0);
  });
});
