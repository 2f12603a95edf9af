import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf, type DemoRole } from "./support/accounts";

// Each role signs in once, through the real form; the specs reuse the session.
for (const role of Object.keys(ACCOUNTS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名或手机号").fill(ACCOUNTS[role].username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(new RegExp(`${ACCOUNTS[role].home}$`));
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
