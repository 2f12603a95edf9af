import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

/**
 * The leader's side of reviewing. Acts only on enterprise units' submissions
 * (lx-e01 … lx-e06), so specs running beside it never touch the same rows.
 */
const ENTERPRISE = /加油站|液化气站|烟花|木材|建筑|养殖/;
const REASON = "卸油区现场照片不清晰，请重新拍摄上传";

test.describe.configure({ mode: "serial" });

const queueCards = (page: Page) =>
  page.getByRole("list", { name: "待审核提交" }).locator(":scope > li").filter({ hasText: ENTERPRISE });

/** The assignment link of a card, which identifies it across re-renders. */
async function taskHref(page: Page, index: number): Promise<string> {
  const href = await queueCards(page).nth(index).getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
  return href!;
}

const cardOf = (page: Page, href: string) =>
  page.getByRole("list", { name: "待审核提交" }).locator(":scope > li").filter({ has: page.locator(`a[href="${href}"]`) });

let returnedHref = "";

test.describe("a leader", () => {
  test.use({ storageState: storageStateOf("leader") });

  test("returns a submission with a reason, after being told the reason is required", async ({ page }) => {
    await page.goto("/reviews?kind=enterprise");
    await expect(page.getByRole("heading", { name: "审核" })).toBeVisible();
    const gasStation = queueCards(page).filter({ hasText: "加油站" }).first();
    returnedHref = (await gasStation.getByRole("link").first().getAttribute("href"))!;
    const card = cardOf(page, returnedHref);

    await card.getByRole("button", { name: "退回", exact: true }).click();
    await card.getByRole("button", { name: "确认退回" }).click();
    await expect(card.getByText("请填写退回原因（至少 2 个字）")).toBeVisible();
    await expect(card).toHaveCount(1);

    await card.getByLabel("退回原因").fill(REASON);
    await card.getByRole("button", { name: "确认退回" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已退回" })).toBeVisible();
    await expect(cardOf(page, returnedHref)).toHaveCount(0);
  });

  test("approves one, then two at once", async ({ page }) => {
    await page.goto("/reviews?kind=enterprise");
    const single = await taskHref(page, 0);
    await cardOf(page, single).getByRole("button", { name: "通过", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已通过" })).toBeVisible();
    await expect(cardOf(page, single)).toHaveCount(0);

    const first = await taskHref(page, 0);
    const second = await taskHref(page, 1);
    for (const href of [first, second]) await cardOf(page, href).getByRole("checkbox", { name: /^选择：/ }).check();
    await expect(page.getByText("已选 2 项")).toBeVisible();
    await page.getByRole("button", { name: "批量通过" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已通过 2 项" })).toBeVisible();
    await expect(cardOf(page, first)).toHaveCount(0);
    await expect(cardOf(page, second)).toHaveCount(0);
  });

  test("grants an extension request with the date the unit asked for", async ({ page }) => {
    await page.goto("/reviews");
    await page.getByRole("link", { name: /延期申请/ }).click();
    await expect(page).toHaveURL(/tab=extensions/);
    const list = page.getByRole("list", { name: "延期申请" });
    await expect(list.or(page.getByText("没有待处理的延期申请。"))).toBeVisible();
    const requests = list.locator(":scope > li").filter({ hasText: ENTERPRISE });
    test.skip((await requests.count()) === 0, "the seed made no extension request today");
    const request = requests.first();
    const href = (await request.getByRole("link").first().getAttribute("href"))!;
    await expect(request.getByLabel("新的截止日期")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await request.getByRole("button", { name: "批准延期" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已批准延期至" })).toBeVisible();
    await expect(page.locator(`a[href="${href}"]`)).toHaveCount(0);
  });

  test("sends 一键催办 from the dashboard and sees how many units were reminded", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: /项提交待审核/ })).toBeVisible();
    const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "一键催办" }) });
    await panel.getByText("逾期及将到期").click();
    await panel.getByRole("button", { name: "发送催办" }).click();
    await expect(panel.getByRole("status")).toHaveText(/已向 \d+ 个单位发送催办|没有需要催办的单位/);
  });
});

test.describe("the auditor", () => {
  test.use({ storageState: storageStateOf("auditor") });

  test("sees no reminder controls and cannot open the review queue", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "仪表盘" })).toBeVisible();
    await expect(page.getByRole("button", { name: /催办/ })).toHaveCount(0);
    const response = await page.goto("/reviews");
    expect(response?.status()).toBe(404);
  });
});

test.describe("the enterprise's liaison", () => {
  test.use({ storageState: storageStateOf("enterpriseLiaison") });

  test("learns that the submission was returned, and why", async ({ page }) => {
    expect(returnedHref).not.toBe("");
    const notifications = await page.goto("/notifications");
    if (notifications?.status() === 200) {
      await expect(page.getByText(REASON).first()).toBeVisible();
    }
    await page.goto(returnedHref);
    await expect(page.getByText("已退回").first()).toBeVisible();
    await expect(page.getByText(REASON).first()).toBeVisible();
  });
});
