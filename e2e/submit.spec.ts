import { expect, test, type Page } from "@playwright/test";
import { pngBytes } from "../tests/helpers/evidence-bytes";
import { storageStateOf, taskList } from "./support/accounts";
import { callServerAction, serverActionId } from "./support/server-actions";

// Only lx207 (石龙村) acts here, so parallel spec files never touch these rows.
test.use({ storageState: storageStateOf("villageLiaison") });

const photo = (name: string) => ({ name, mimeType: "image/png", buffer: Buffer.from(pngBytes(64, [22, 163, 74])) });

/** Opens the first task of 我的任务 whose status chip reads `status`. */
async function openTaskWithStatus(page: Page, status: string, filter = "open") {
  await page.goto(`/tasks?filter=${filter}`);
  const link = taskList(page).getByRole("listitem").getByRole("link").filter({ hasText: status }).first();
  await link.click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
}

/** Fills every figure the task asks for. */
async function fillFigures(page: Page) {
  const inputs = page.getByRole("spinbutton");
  for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill(String(20 + i));
}

const submissionsSection = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: "提交记录" }) });

test("submits a note and a phone photo to a pending task, then sees 待审核 and the thumbnail", async ({ page }) => {
  await openTaskWithStatus(page, "待办");
  await expect(page.getByRole("heading", { name: "提交材料" })).toBeVisible();
  await page.getByLabel("工作说明").fill("已组织村民小组长学习，附现场照片。");
  await fillFigures(page);
  await page.getByLabel("拍照上传").setInputFiles(photo("现场照片.png"));
  await expect(page.getByText("已选 1 个文件")).toBeVisible();
  await page.getByRole("button", { name: "提交审核" }).click();

  await expect(page.getByRole("heading", { name: "提交材料" })).toHaveCount(0);
  await expect(page.getByText("待审核").first()).toBeVisible();
  const thumbnail = submissionsSection(page).getByRole("img", { name: "现场照片.png" });
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expect(submissionsSection(page).getByText("已组织村民小组长学习，附现场照片。")).toBeVisible();
});

test("refuses a text file named photo.jpg with a clear message and submits nothing", async ({ page }) => {
  await openTaskWithStatus(page, "待办");
  const url = page.url();
  await page.getByLabel("工作说明").fill("这次附件是假的照片");
  await fillFigures(page);
  await page.getByLabel("选择文件").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("只是一段文字") });
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("“photo.jpg”不是支持的文件类型")).toBeVisible();
  await page.goto(url);
  await expect(submissionsSection(page).getByText("尚未提交。")).toBeVisible();
  await expect(page.getByRole("heading", { name: "提交材料" })).toBeVisible();
});

test("requests an extension (延期申请) and sees it pending", async ({ page }) => {
  await openTaskWithStatus(page, "待办");
  await page.locator("summary", { hasText: "申请延期" }).click();
  const date = page.getByLabel("希望延至");
  await date.fill((await date.getAttribute("min"))!);
  await page.getByLabel("延期理由").fill("村里正值秋收，集中学习需推迟一周");
  await page.getByRole("button", { name: "提交延期申请" }).click();
  const list = page.locator("section").filter({ has: page.getByRole("heading", { name: "延期申请" }) });
  await expect(list.getByText("待审批")).toBeVisible();
  await expect(list.getByText("村里正值秋收，集中学习需推迟一周")).toBeVisible();
  await expect(page.locator("summary", { hasText: "申请延期" })).toHaveCount(0);
});

test("a returned task shows the reason; resubmitting keeps both submissions", async ({ page }) => {
  // Found through its 退回 notice: past its deadline, the list shows a returned task as 已逾期.
  await page.goto("/notifications");
  const notice = page.getByRole("main").getByRole("link", { name: /任务被退回：/ }).first();
  test.skip((await notice.count()) === 0, "the seed gave lx207 no returned assignment today");
  const title = (await notice.textContent())!.match(/任务被退回：(.+?)(退回原因|$)/)![1]!.trim();
  await page.goto("/tasks?filter=all");
  await taskList(page).getByRole("listitem").getByRole("link").filter({ hasText: title }).first().click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "此任务已被退回，请根据意见修改后重新提交" })).toBeVisible();
  await expect(page.getByText(/^退回原因：/).first()).toBeVisible();
  await page.getByLabel("工作说明").fill("已按退回意见补充签到表和现场照片。");
  await fillFigures(page);
  await page.getByLabel("选择文件").setInputFiles(photo("补充照片.png"));
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("heading", { name: "重新提交材料" })).toHaveCount(0);
  const submissions = submissionsSection(page).getByRole("listitem").filter({ has: page.locator("time") });
  await expect(submissions).toHaveCount(2);
  await expect(submissionsSection(page).getByRole("img", { name: "补充照片.png" })).toBeVisible();
  await expect(submissionsSection(page).getByText(/退回原因/)).toBeVisible();
});

test("a leader's 催办 reaches the bell; opening one and 全部标为已读 bring the count down", async ({ page, browser }) => {
  // The seed's notices depend on today's date (a 退回 notice only when the spread returned 石龙村's work), so the
  // unread notice this test opens is made here: the leader chases 石龙村 from the dashboard's heat-map unit.
  const leader = await browser.newContext({ storageState: storageStateOf("leader") });
  const dashboard = await leader.newPage();
  await dashboard.goto("/dashboard");
  const cell = dashboard.locator('a[href^="/dashboard/cell?"][aria-label^="石龙村 · "]').first();
  const unitId = new URL((await cell.getAttribute("href"))!, "http://x").searchParams.get("unit")!;
  const reminded = await callServerAction(leader.request, "/dashboard", serverActionId("app/(app)/dashboard/actions.ts", "remindOneUnit"), {
    unitId,
    message: "请本周内补齐材料",
  });
  expect(reminded).toMatchObject({ ok: true, data: { unitsReminded: 1 } });
  await leader.close();

  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "通知" })).toBeVisible();
  await expect(page.getByRole("link", { name: /催办：请尽快完成任务/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /新任务：/ }).first()).toBeVisible();
  const bell = page.getByRole("banner").getByRole("link", { name: /^通知/ });
  const unreadBefore = Number((await bell.getAttribute("aria-label"))!.match(/(\d+) 条未读/)?.[1]);
  expect(unreadBefore).toBeGreaterThanOrEqual(1);

  await page.getByRole("main").getByRole("link", { name: /未读/ }).first().click();
  await expect(page).toHaveURL(/\/(notifications|tasks)(\/[0-9a-f-]{36})?$/);
  const left = unreadBefore - 1;
  await expect(bell).toHaveAttribute("aria-label", left > 0 ? `通知，${left} 条未读` : "通知");

  await page.goto("/notifications");
  if (left > 0) await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByText("全部已读")).toBeVisible();
  await expect(page.getByRole("button", { name: "全部标为已读" })).toHaveCount(0);
  await expect(bell).toHaveAttribute("aria-label", "通知");
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);
});
