import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

// Works only on a unit and a user this file creates; the demo accounts are untouched.
const stamp = Date.now().toString(36);
const unitCode = `E2E-${stamp}`;
// A school, not a village: other specs assign tasks to "every village" and count them.
const unitName = `测试学校${stamp}`;
const username = `e2e-${stamp}`;

test.use({ storageState: storageStateOf("admin") });

test("admin creates a unit and its liaison, resets the password; the liaison must change it at sign-in", async ({ page, browser }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/units$/);
  await page.getByText("新增单位").click();
  const unitForm = page.getByRole("region", { name: "新增单位" });
  await unitForm.getByLabel("单位类型").selectOption({ label: "学校" });
  await unitForm.getByLabel("单位编码").fill(unitCode);
  await unitForm.getByLabel("单位名称").fill(unitName);
  await unitForm.getByLabel("责任人", { exact: true }).fill("测试书记");
  await unitForm.getByLabel("电话").fill("12345");
  await unitForm.getByRole("button", { name: "添加单位" }).click();
  await expect(unitForm.getByRole("alert")).toContainText("电话格式不正确");
  await unitForm.getByLabel("电话").fill("023-76543210");
  await unitForm.getByRole("button", { name: "添加单位" }).click();
  await expect(page.getByRole("list", { name: "单位列表" }).getByRole("heading", { name: new RegExp(unitName) })).toBeVisible();

  await page.getByRole("link", { name: "用户", exact: true }).click();
  await page.getByText("新增用户").click();
  const userForm = page.getByRole("region", { name: "新增用户" });
  await userForm.getByLabel("姓名").fill(`测试联络员${stamp}`);
  await userForm.getByLabel("用户名").fill(username);
  await userForm.getByLabel("角色").selectOption({ label: "联络员" });
  await userForm.getByRole("button", { name: "添加用户" }).click();
  await expect(userForm.getByRole("alert")).toContainText("联络员必须选择所属单位");
  await userForm.getByLabel("所属单位").selectOption({ label: `${unitName}（${unitCode}）` });
  await userForm.getByRole("button", { name: "添加用户" }).click();
  await expect(userForm.getByRole("status")).toContainText(username);

  const card = page.getByRole("listitem", { name: `测试联络员${stamp}` });
  await card.getByText("管理", { exact: true }).click();
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "重置密码" }).click();
  const temporary = (await card.getByLabel("临时密码").textContent())?.trim() ?? "";
  expect(temporary).toMatch(/^[A-Za-z0-9]{10}$/);

  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const liaison = await fresh.newPage();
  await liaison.goto("/login");
  await liaison.getByLabel("用户名或手机号").fill(username);
  await liaison.getByLabel("密码").fill(temporary);
  await liaison.getByRole("button", { name: "登录" }).click();
  await expect(liaison).toHaveURL(/\/account/);
  await expect(liaison.getByText("管理员已重置您的密码，请先设置新密码再继续使用。")).toBeVisible();
  await liaison.goto("/tasks");
  await expect(liaison).toHaveURL(/\/account/);
  await liaison.getByLabel("当前密码").fill(temporary);
  await liaison.getByLabel(/^新密码/).fill("Changed2026");
  await liaison.getByLabel("确认新密码").fill("Changed2026");
  await liaison.getByRole("button", { name: "修改密码" }).click();
  await expect(liaison).toHaveURL(/\/tasks$/);
  await expect(liaison.getByRole("heading", { name: "我的任务" })).toBeVisible();
  await fresh.close();
});
