import { expect, test, type Browser, type Page } from "@playwright/test";
import { startRobotReceiver, type RobotReceiver } from "../tests/helpers/robot-receiver";
import { storageStateOf, type DemoRole } from "./support/accounts";

/**
 * Messages leave Duban: an admin connects the township's DingTalk group robot
 * (signed with its 加签 secret) and sends a test message; a leader publishes a
 * campaign and the group gets the announcement without anyone else clicking.
 * The receiver is the loopback provider of tests/helpers, on the port the e2e
 * server allows (e2e/support/server.mjs: E2E_PORT + 10).
 */
test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT || 3100) + 10;
const SECRET = "SECe2e-robot-secret";
// Four years back: the dashboards open on the active campaign that starts last, so a campaign of a past year
// leaves what the other specs see alone (the campaigns and journey specs use next year's).
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 4;
const CAMPAIGN = `${year}年安全生产月`;
const TASK = "召开理论学习中心组（支部）安全生产专题学习会";
const UNIT = "松林村";
const ROBOT = "安全生产工作群（e2e）";

let receiver: RobotReceiver;

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

test.beforeAll(async () => {
  receiver = await startRobotReceiver({ port: PORT, secrets: { dingtalk: SECRET } });
});

test.afterAll(async () => {
  await receiver?.close();
});

test("an admin connects the group's DingTalk robot and its test message arrives, signed", async ({ browser }) => {
  const page = await as(browser, "admin");
  await page.goto("/admin/reach");
  await expect(page.getByRole("heading", { level: 1, name: "提醒与推送" })).toBeVisible();
  // No quiet hours, so that the announcement below goes out whatever time CI runs.
  const schedule = page.getByRole("region", { name: "提醒规则" });
  await schedule.getByLabel("开始（点）").fill("0");
  await schedule.getByLabel("结束（点）").fill("0");
  await schedule.getByRole("button", { name: "保存提醒规则" }).click();
  await expect(schedule.getByText(/最近保存于/)).toBeVisible();
  await page.getByText("添加机器人", { exact: true }).first().click();
  await page.getByLabel("机器人类型").selectOption({ label: "钉钉" });
  await page.getByLabel("名称").fill(ROBOT);
  await page.getByLabel("Webhook 地址").fill(receiver.webhookUrl("dingtalk", "e2e-token"));
  await page.getByLabel("签名密钥（可选）").fill(SECRET);
  await page.getByRole("button", { name: "添加机器人" }).click();

  const robot = page.getByRole("list", { name: "机器人列表" }).getByRole("listitem", { name: ROBOT });
  await expect(robot).toBeVisible();
  // The token is masked and the secret never shown back.
  await expect(robot.getByText("e2e-token")).toHaveCount(0);
  await expect(robot.getByText("已设置")).toBeVisible();

  await robot.getByRole("button", { name: "发送测试消息" }).click();
  await expect(robot.getByText("成功")).toBeVisible({ timeout: 15_000 });
  const probe = receiver.received.find((m) => m.content.includes("测试消息"));
  expect(probe?.provider).toBe("dingtalk");

  await page.goto("/admin/deliveries");
  await expect(page.getByText(ROBOT).first()).toBeVisible();
  await page.context().close();
});

test("a leader publishes a campaign and the group robot is told, with a link to the tasks", async ({ browser }) => {
  const page = await as(browser, "leader");
  await page.goto("/campaigns/new");
  await page.getByRole("radio", { name: /2020年安全生产月/ }).check();
  const builtin = page.getByRole("region", { name: "从内置模板创建" });
  await builtin.getByLabel("活动年度").fill(String(year));
  await builtin.getByRole("button", { name: "创建草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAMPAIGN })).toBeVisible();

  const task = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TASK }) });
  await task.getByText(/^分派单位（\d+）$/).click();
  await task.getByText("选择具体单位").click();
  await task.getByLabel(UNIT, { exact: true }).check();
  await task.getByRole("button", { name: "分派", exact: true }).click();
  await expect(task.getByRole("list", { name: "已分派单位" }).getByRole("listitem")).toHaveCount(1);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "发布活动" }).click();
  await expect(page.getByText("进行中", { exact: true }).first()).toBeVisible();

  const announced = await receiver.waitFor((m) => m.content.includes(`新活动已发布：${CAMPAIGN}`), 20_000);
  expect(announced.content).toContain(UNIT);
  expect(announced.content).toMatch(/http:\/\/127\.0\.0\.1:\d+\/tasks/);
  await page.context().close();
});
