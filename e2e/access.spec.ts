import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf, taskList } from "./support/accounts";

test("a signed-out visit to a protected page goes to /login", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "登录督办" })).toBeVisible();
});

test("a wrong password shows an error and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill(ACCOUNTS.leader.username);
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名或手机号").fill(ACCOUNTS.auditor.username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/login/);
});

test("the interface switches to English and back", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Duban" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "登录督办" })).toBeVisible();
});

test.describe("a liaison", () => {
  test.use({ storageState: storageStateOf("liaison") });

  test("opening another unit's assignment URL gets the not-found page", async ({ page, browser }) => {
    await page.goto("/tasks?filter=all");
    await taskList(page).getByRole("listitem").first().getByRole("link").click();
    const ownUnit = (await page.locator("dt", { hasText: "责任单位" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();

    const leader = await browser.newContext({ storageState: storageStateOf("leader") });
    const leaderPage = await leader.newPage();
    await leaderPage.goto("/tasks?filter=all");
    const foreign = taskList(leaderPage).getByRole("listitem").filter({ hasNotText: ownUnit }).first().getByRole("link");
    const href = await foreign.getAttribute("href");
    await leader.close();
    expect(href).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);

    const response = await page.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });

  test("cannot open the leaders' dashboard", async ({ page }) => {
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });
});
