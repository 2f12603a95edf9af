import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf, type DemoRole, taskList } from "./support/accounts";

/**
 * The campaign workflow end to end, on a campaign this file creates: a leader
 * creates 许明寺行 for next year from the built-in template, assigns one task to
 * every village and publishes; 白鹤村's liaison acknowledges, asks for more time
 * (granted), submits a note with a photo; the leader returns it with a reason;
 * the liaison sees the reason and resubmits; the leader approves; the
 * assignment shows approved with its whole timeline.
 */
test.describe.configure({ mode: "serial" });

const nextYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
const CAMPAIGN = `${nextYear}年安全生产许明寺行`;
const TASK = "制定本单位活动实施方案，明确责任人和时间节点";
const UNIT = "白鹤村";
const RETURN_REASON = "实施方案缺少时间节点，请补充后重新提交";
// A 1×1 PNG.
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

let assignmentPath = "";

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

test("a leader creates the campaign from the template, assigns the task to every village and publishes", async ({ browser }) => {
  const page = await as(browser, "leader");
  await page.goto("/campaigns/new");
  await page.getByRole("radio", { name: /2020年安全生产许明寺行/ }).check();
  const builtin = page.getByRole("region", { name: "从内置模板创建" });
  await builtin.getByLabel("活动年度").fill(String(nextYear));
  await builtin.getByRole("button", { name: "创建草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAMPAIGN })).toBeVisible();

  const task = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TASK }) });
  await task.getByText(/^分派单位（\d+）$/).click();
  await task.getByRole("group", { name: "按单位类型" }).getByLabel("村", { exact: true }).check();
  await task.getByRole("button", { name: "分派", exact: true }).click();
  await expect(task.getByRole("list", { name: "已分派单位" }).getByRole("listitem")).toHaveCount(6);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "发布活动" }).click();
  await expect(page.getByText("进行中", { exact: true }).first()).toBeVisible();
  await page.context().close();
});

test("the village liaison acknowledges, gets an extension, and submits a note with a photo", async ({ browser }) => {
  const liaison = await as(browser, "journeyLiaison");
  await liaison.goto("/tasks");
  await taskList(liaison).getByRole("listitem").filter({ hasText: CAMPAIGN }).filter({ hasText: TASK }).getByRole("link").click();
  await liaison.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  assignmentPath = new URL(liaison.url()).pathname;
  await liaison.getByRole("button", { name: "签收任务" }).click();
  await expect(liaison.getByText(/已于 .* 签收/)).toBeVisible();

  await liaison.getByText("申请延期").first().click();
  await liaison.getByLabel("希望延至").fill(`${nextYear}-06-20`);
  await liaison.getByLabel("延期理由").fill("村两委换届，方案需新班子审议");
  await liaison.getByRole("button", { name: "提交延期申请" }).click();
  await expect(liaison.getByText("待审批").first()).toBeVisible();

  const leader = await as(browser, "leader");
  await leader.goto("/reviews?tab=extensions");
  const request = leader.getByRole("list", { name: "延期申请" }).locator(":scope > li").filter({ has: leader.locator(`a[href="${assignmentPath}"]`) });
  await expect(request.getByLabel("新的截止日期")).toHaveValue(`${nextYear}-06-20`);
  await request.getByRole("button", { name: "批准延期" }).click();
  await expect(leader.getByRole("status").filter({ hasText: "已批准延期至" })).toBeVisible();
  await leader.context().close();

  await liaison.reload();
  await expect(liaison.getByText(`批准延至 ${nextYear}`).first()).toBeVisible();
  await liaison.getByLabel("工作说明").fill("已制定村级实施方案，明确责任人3名。");
  await liaison.locator('input[type="file"]:not([capture])').setInputFiles({ name: "方案照片.png", mimeType: "image/png", buffer: PHOTO });
  await liaison.getByRole("button", { name: "提交审核" }).click();
  await expect(liaison.getByText("待审核").first()).toBeVisible();
  await expect(liaison.getByRole("img", { name: "方案照片.png" })).toBeVisible();
  await liaison.context().close();
});

test("the leader returns it with a reason; the liaison sees it and resubmits; the leader approves", async ({ browser }) => {
  const leader = await as(browser, "leader");
  await leader.goto("/reviews");
  const card = leader.getByRole("list", { name: "待审核提交" }).locator(":scope > li").filter({ has: leader.locator(`a[href="${assignmentPath}"]`) });
  await expect(card).toContainText(UNIT);
  await card.getByRole("button", { name: "退回", exact: true }).click();
  await card.getByLabel("退回原因").fill(RETURN_REASON);
  await card.getByRole("button", { name: "确认退回" }).click();
  await expect(card).toHaveCount(0);

  const liaison = await as(browser, "journeyLiaison");
  await liaison.goto(assignmentPath);
  await expect(liaison.getByText(`退回原因：${RETURN_REASON}`).first()).toBeVisible();
  // The returned submission keeps its photo.
  await expect(liaison.getByRole("img", { name: "方案照片.png" })).toBeVisible();
  await liaison.getByLabel("工作说明").fill("已补充各项工作的时间节点。");
  await liaison.getByRole("button", { name: "提交审核" }).click();
  await expect(liaison.getByText("待审核").first()).toBeVisible();
  await liaison.context().close();

  await leader.reload();
  await card.getByRole("button", { name: "通过", exact: true }).click();
  await expect(card).toHaveCount(0);

  await leader.goto(assignmentPath);
  await expect(leader.getByText("已通过").first()).toBeVisible();
  const history = leader.locator("section").filter({ has: leader.getByRole("heading", { name: "办理记录" }) });
  for (const state of ["待审核", "已退回", "已通过"]) await expect(history.getByText(state).first()).toBeVisible();
  await expect(history.getByText(RETURN_REASON)).toBeVisible();
  await expect(history.getByText(/延期至/)).toBeVisible();
  await leader.context().close();
});
