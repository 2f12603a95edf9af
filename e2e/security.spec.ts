import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

/** Collects the browser's CSP reports: any violation means a page relies on something the policy blocks. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("pages carry the security headers, and their scripts the response's nonce", async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const value of scriptNonces) expect(value).toBe(nonce);
  // Hydrated under the policy: a client-side control works.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Duban" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  expect(violations).toEqual([]);
});

test("API responses are not sniffed or framed either", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("leader") });

  test("the dashboard and the review queue render without a CSP violation", async ({ page }) => {
    const violations = cspViolations(page);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/reviews");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test("repeated failed sign-ins for one account are refused for a while, with their own message", async ({ page }) => {
  await page.goto("/login");
  const name = `nobody-${Date.now()}`;
  const attempt = async () => {
    await page.getByLabel("用户名或手机号").fill(name);
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
  };
  for (let i = 0; i < 5; i += 1) {
    await attempt();
    await expect(page.getByText("用户名或密码错误")).toBeVisible();
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  await attempt();
  await expect(page.getByText("登录失败次数过多，请 15 分钟后再试")).toBeVisible();
});
