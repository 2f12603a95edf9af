import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

// Creates only the two units with codes unique to this run; the demo data is untouched.
const stamp = Date.now().toString(36).toUpperCase();
const HEAD = "单位编码,单位名称,单位类型,责任人,联系电话";
const csv = (name: string, ...rows: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from("\uFEFF" + [HEAD, ...rows].join("\r\n"), "utf8"),
});

test.use({ storageState: storageStateOf("admin") });

test("admin downloads the template, sees row errors for a bad file, then imports two units in one go", async ({ page }) => {
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { name: "批量导入", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "批量导入" })).toHaveAttribute("aria-current", "page");

  const template = await page.request.get("/api/admin/import-template?kind=units");
  expect(template.status()).toBe(200);
  expect((await template.body()).subarray(0, 2).toString()).toBe("PK");
  await expect(page.getByRole("link", { name: "下载单位导入模板（.xlsx）" })).toBeVisible();

  const file = page.getByLabel("选择文件");
  await file.setInputFiles(csv("bad.csv", `IMPE-${stamp},坏村,村,,`, `IMPE-${stamp},坏村二,乡,,123`));
  await page.getByRole("button", { name: "上传并预览" }).click();
  const issues = page.getByRole("alert", { name: "文件错误" });
  await expect(issues).toContainText("发现 3 处错误");
  await expect(issues).toContainText(`第 3 行：单位编码 IMPE-${stamp} 与第 2 行重复`);
  await expect(issues).toContainText("第 3 行：单位类型“乡”无效");
  await expect(issues).toContainText("第 3 行：联系电话：电话格式不正确");
  await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  // A school and an enterprise, not a village: other specs assign tasks to "every village" and count them.
  await file.setInputFiles(csv("good.csv", `IMPA-${stamp},导入甲校${stamp},学校,甲校长,13800001111`, `IMPB-${stamp},导入乙企${stamp},企业,,`));
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByRole("region", { name: "导入预览" });
  await expect(preview).toContainText("共 2 行，检查通过");
  await expect(preview.getByRole("cell", { name: `导入甲校${stamp}` })).toBeVisible();
  await preview.getByRole("button", { name: "确认导入 2 行" }).click();
  await expect(page.getByRole("status")).toContainText("已导入 2 个单位");

  await page.goto("/admin/units");
  const list = page.getByRole("list", { name: "单位列表" });
  await expect(list.getByRole("heading", { name: new RegExp(`导入甲校${stamp}`) })).toBeVisible();
  await expect(list.getByRole("heading", { name: new RegExp(`导入乙企${stamp}`) })).toBeVisible();
  await expect(page.getByRole("heading", { name: /坏村/ })).toHaveCount(0);
});

test.describe("other roles", () => {
  test.use({ storageState: storageStateOf("leader") });

  test("a leader gets neither the import page nor the template", async ({ page }) => {
    const response = await page.goto("/admin/import");
    expect(response?.status()).toBe(404);
    expect((await page.request.get("/api/admin/import-template?kind=units")).status()).toBe(404);
  });
});
