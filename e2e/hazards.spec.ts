import { expect, test, type Browser, type Page } from "@playwright/test";
import { pngBytes } from "../tests/helpers/evidence-bytes";
import { storageStateOf, type DemoRole, taskList } from "./support/accounts";

// Hazards of 青杠村 (lx204) only, each test making its own rows; the public report is the only one this file files.
test.describe.configure({ mode: "serial" });

const photo = (name: string, rgb: [number, number, number]) => ({ name, mimeType: "image/png", buffer: Buffer.from(pngBytes(64, rgb)) });
const stamp = () => new Date().toISOString().replace(/\D/g, "").slice(8, 14);

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

/** A date `days` from today, as the date input wants it. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

async function assignAsLeader(page: Page, hazardUrl: string) {
  await page.goto(hazardUrl);
  await expect(page.getByRole("heading", { name: "交办整改" })).toBeVisible();
  await page.getByLabel("整改责任人").fill("王德明");
  await page.getByLabel("整改期限").fill(dayFromNow(14));
  await page.getByLabel("整改措施").fill("更换老化线路，加装漏电保护器。");
  await page.getByRole("button", { name: "交办并开始整改" }).click();
  await expect(page.getByText("整改中").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "修改整改要求" })).toBeVisible();
}

test("a liaison reports from an investigation task, a leader assigns, the liaison rectifies with a photo, another leader closes", async ({ browser }) => {
  const title = `农房电线私拉乱接 ${stamp()}`;
  const liaison = await pageAs(browser, "liaison");
  // The task page's 上报隐患 link is placed by the lead; until then, take the task's id from 我的任务.
  await liaison.goto("/tasks?filter=all");
  const taskLink = taskList(liaison).getByRole("listitem").getByRole("link").filter({ hasText: "查找身边隐患" }).first();
  const taskId = (await taskLink.getAttribute("href"))!.split("/").pop()!;
  await liaison.goto(`/hazards/new?assignment=${taskId}`);
  await expect(liaison.getByText(/来自排查任务：.*查找身边隐患/)).toBeVisible();
  await liaison.getByLabel("隐患名称").fill(title);
  await liaison.getByLabel("隐患描述").fill("4组两户农房厨房电线老化破损，未装漏电保护器。");
  await liaison.getByLabel("隐患位置").fill("青杠村4组");
  await liaison.getByLabel("整改前照片").setInputFiles(photo("整改前.png", [220, 38, 38]));
  await liaison.getByRole("button", { name: "提交上报" }).click();
  await liaison.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
  const hazardUrl = new URL(liaison.url()).pathname;
  await expect(liaison.getByRole("heading", { name: title })).toBeVisible();
  await expect(liaison.getByText("待交办")).toBeVisible();
  await expect(liaison.getByText("排查任务", { exact: true })).toBeVisible();
  await expect(liaison.getByRole("img", { name: "整改前.png" })).toBeVisible();
  // A liaison has no leader's forms.
  await expect(liaison.getByRole("heading", { name: "交办整改" })).toHaveCount(0);

  const leader = await pageAs(browser, "leader");
  await assignAsLeader(leader, hazardUrl);

  await liaison.goto(hazardUrl);
  await expect(liaison.getByRole("heading", { name: "整改完成" })).toBeVisible();
  await liaison.getByLabel("整改情况").fill("已更换线路并加装漏电保护器。");
  await liaison.getByLabel("整改后照片").setInputFiles(photo("整改后.png", [22, 163, 74]));
  await liaison.getByRole("button", { name: "提交整改结果" }).click();
  await expect(liaison.getByText("待验收").first()).toBeVisible();
  const after = liaison.getByRole("img", { name: "整改后.png" });
  await expect(after).toBeVisible();
  await expect.poll(() => after.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expect(liaison.getByRole("heading", { name: "验收销号" })).toHaveCount(0);

  const admin = await pageAs(browser, "admin");
  await admin.goto(hazardUrl);
  await admin.getByLabel("验收意见").fill("现场复查，线路已规范敷设，合格。");
  await admin.getByRole("button", { name: "验收通过，销号" }).click();
  await expect(admin.getByText("已销号").first()).toBeVisible();
  await expect(admin.getByText("现场复查，线路已规范敷设，合格。").first()).toBeVisible();

  await liaison.goto("/hazards?status=verified");
  await expect(liaison.getByRole("link", { name: new RegExp(title) })).toBeVisible();
});

test("the leader who reported and rectified a hazard cannot close it; a different person can", async ({ browser }) => {
  const title = `护栏缺失 ${stamp()}`;
  const leader = await pageAs(browser, "leader");
  await leader.goto("/hazards/new");
  await leader.getByLabel("所属单位").selectOption({ label: "青杠村" });
  await leader.getByLabel("隐患名称").fill(title);
  await leader.getByLabel("隐患描述").fill("村道临崖路段护栏缺失约30米。");
  await leader.getByLabel("隐患位置").fill("青杠村村道2公里处");
  await leader.getByLabel("隐患来源").selectOption({ label: "督查检查" });
  await leader.getByRole("button", { name: "提交上报" }).click();
  await leader.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
  const hazardUrl = new URL(leader.url()).pathname;
  await assignAsLeader(leader, hazardUrl);
  await leader.getByLabel("整改情况").fill("已增设波形护栏。");
  await leader.getByLabel("整改后照片").setInputFiles(photo("护栏.png", [29, 78, 216]));
  await leader.getByRole("button", { name: "提交整改结果" }).click();
  await expect(leader.getByText("您是本隐患的上报人或整改人，须由其他领导验收销号。")).toBeVisible();
  await expect(leader.getByRole("button", { name: "验收通过，销号" })).toHaveCount(0);

  const admin = await pageAs(browser, "admin");
  await admin.goto(hazardUrl);
  await admin.getByLabel("验收意见").fill("合格");
  await admin.getByRole("button", { name: "验收通过，销号" }).click();
  await expect(admin.getByText("已销号").first()).toBeVisible();

  await leader.goto(`${hazardUrl}/notice`);
  await expect(leader.getByRole("heading", { name: "安全隐患整改通知书" })).toBeVisible();
  await expect(leader.getByText(title)).toBeVisible();
  await expect(leader.getByRole("button", { name: "打印" })).toBeVisible();
});

test("a signed-out visitor reports with a photo, a leader dismisses it, the follow-up code shows the reason", async ({ browser }) => {
  const description = `学校门口变压器围栏倒塌 ${stamp()}`;
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/report/500230104");
  await expect(visitor.getByRole("heading", { name: "许明寺镇安全隐患举报" })).toBeVisible();
  await visitor.getByLabel("隐患描述").fill(description);
  await visitor.getByLabel("隐患位置").fill("中心校门口");
  await visitor.getByLabel(/现场照片/).setInputFiles(photo("围栏.png", [234, 88, 12]));
  await visitor.getByRole("button", { name: "提交举报" }).click();
  const code = (await visitor.getByTestId("follow-up-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);

  await visitor.goto(`/report/500230104?code=${code}`);
  await expect(visitor.getByText("已收到，待处理")).toBeVisible();
  await visitor.goto("/report/500230104?code=AAAAAAAAAA");
  await expect(visitor.getByText("未找到该查询码")).toBeVisible();
  await visitor.goto("/report/123456789");
  await expect(visitor.getByText("页面不存在")).toBeVisible();

  const leader = await pageAs(browser, "leader");
  await leader.goto("/hazards/intake");
  const card = leader.locator("article").filter({ hasText: description });
  await expect(card.getByRole("img", { name: "围栏.png" })).toBeVisible();
  await card.locator("summary", { hasText: "不予受理" }).click();
  await card.getByLabel("不予受理的原因（举报人可见）").fill("经核查，供电所已于当日修复围栏。");
  await card.getByRole("button", { name: "不予受理" }).click();
  await expect(leader.locator("article").filter({ hasText: description }).getByText(/不予受理：经核查/)).toBeVisible();

  await visitor.goto(`/report/500230104?code=${code}`);
  await expect(visitor.getByText("不予受理", { exact: true })).toBeVisible();
  await expect(visitor.getByText("经核查，供电所已于当日修复围栏。")).toBeVisible();
  await expect(visitor.getByText(description)).toHaveCount(0);
});
