import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

// Only campaigns this file creates are changed; the seeded ones are only read.
const nextYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
const campaignName = `${nextYear}年安全生产月`;

test.describe("leader", () => {
  test.use({ storageState: storageStateOf("leader") });

  test("creates 安全生产月 from the built-in template for next year, assigns a task to the villages and exports it", async ({ page }) => {
    await page.goto("/campaigns");
    await page.getByRole("link", { name: "新建活动" }).click();
    await expect(page.getByRole("heading", { name: "新建活动" })).toBeVisible();
    await page.getByRole("radio", { name: /2020年安全生产月/ }).check();
    const builtin = page.getByRole("region", { name: "从内置模板创建" });
    await expect(builtin.getByLabel("活动年度")).toHaveValue(String(nextYear));
    await builtin.getByRole("button", { name: "创建草稿" }).click();

    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
    await expect(page.getByText("草稿", { exact: true })).toBeVisible();

    const task = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "召开理论学习中心组（支部）安全生产专题学习会" }) });
    await task.getByText("分派单位（0）").click();
    await task.getByRole("group", { name: "按单位类型" }).getByLabel("村", { exact: true }).check();
    await task.getByRole("button", { name: "分派", exact: true }).click();
    await expect(task.getByText("分派单位（6）")).toBeVisible();
    const assigned = task.getByRole("list", { name: "已分派单位" });
    await expect(assigned.getByRole("listitem")).toHaveCount(6);
    // The six villages, and not the community (which is a unit kind of its own).
    const unitNames = assigned.getByRole("listitem").locator(":scope > div > span:first-child");
    await expect(unitNames).toHaveText(["青杠村", "石龙村", "白鹤村", "松林村", "观音岩村", "龙潭村"]);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出模板" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${campaignName}.json`);
  });

  test("a bad template file shows every problem and creates nothing", async ({ page }) => {
    await page.goto("/campaigns");
    const campaigns = page.getByRole("list", { name: "活动列表" }).getByRole("listitem");
    await expect(campaigns.first()).toBeVisible();
    const before = await campaigns.count();

    await page.goto("/campaigns/new");
    const form = page.getByRole("region", { name: "导入模板文件" });
    const bad = {
      key: "bad",
      name: "坏模板",
      startsOn: "2027-06-30",
      endsOn: "2027-06-01",
      phases: [],
      activities: [{ key: "a", title: "工作项", tasks: [{ key: "t", deadline: "2027-06-10", phaseKey: "nope", applicableUnitKinds: ["village"], evidenceRequired: [] }] }],
    };
    await form.getByLabel("模板内容").fill(JSON.stringify(bad));
    await form.getByRole("button", { name: "导入并创建草稿" }).click();
    await expect(form.getByText("模板有 3 处问题，未导入任何内容：")).toBeVisible();
    await expect(form.getByText("活动 1 › 任务 1 › 标题：缺少此项")).toBeVisible();
    await expect(form.getByText("活动 1 › 任务 1 › 所属阶段：所属阶段不存在：nope")).toBeVisible();
    await expect(form.getByText("结束日期：结束日期早于开始日期")).toBeVisible();
    await expect(page).toHaveURL(/\/campaigns\/new$/);

    await page.goto("/campaigns");
    await expect(campaigns).toHaveCount(before);
  });
});

test.describe("auditor", () => {
  test.use({ storageState: storageStateOf("auditor") });

  test("sees campaigns read-only: no create, edit or assign controls, but may export", async ({ page }) => {
    await page.goto("/campaigns");
    await expect(page.getByRole("heading", { name: "活动管理" })).toBeVisible();
    await expect(page.getByRole("link", { name: "新建活动" })).toHaveCount(0);
    await page.getByRole("link", { name: /安全生产专项整治三年行动/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /三年行动/ })).toBeVisible();
    await expect(page.getByText("专项", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "导出模板" })).toBeVisible();
    await expect(page.locator("main form")).toHaveCount(0);
    for (const name of ["结束活动", "分派", "添加任务", "编辑任务", "添加工作项", "添加阶段", "保存"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    expect((await page.goto("/campaigns/new"))?.status()).toBe(404);
  });
});
