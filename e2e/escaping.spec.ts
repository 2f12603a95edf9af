import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { storageStateOf, taskList } from "./support/accounts";
import { serverActionId } from "./support/server-actions";

/**
 * User text is shown as text everywhere: an HTML/script payload typed into a
 * hazard report renders literally (no element injected, no dialog), and the
 * CSV/XLSX exports carry it as plain text with a leading formula neutralised.
 * Writes only in the second township (龙河镇), as its own liaison.
 */
test.use({ storageState: storageStateOf("townBLiaison") });

test("an HTML, script and formula payload shows as text on the page and as plain text in the exports", async ({ page, playwright, baseURL }) => {
  const stamp = Date.now().toString(36);
  const title = `<img src=x onerror=alert(1)>隐患${stamp}`;
  const description = `=HYPERLINK("http://evil.example","点我")<script>alert(2)</script>${stamp}`;
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });

  await page.goto("/tasks?filter=all");
  const taskLink = taskList(page).getByRole("listitem").getByRole("link").filter({ hasText: "查找身边隐患" }).first();
  const taskId = (await taskLink.getAttribute("href"))!.split("/").pop()!;
  await page.goto(`/hazards/new?assignment=${taskId}`);
  await page.getByLabel("隐患名称").fill(title);
  await page.getByLabel("隐患描述").fill(description);
  await page.getByLabel("隐患位置").fill("<b>4组</b>");
  await page.getByRole("button", { name: "提交上报" }).click();
  await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);

  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText("<b>4组</b>")).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("b", { hasText: "4组" })).toHaveCount(0);
  expect(await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => s.textContent?.includes("alert(2)")).length)).toBe(0);
  await page.reload();
  expect(dialogs).toBe(0);

  // The township's leader exports the campaign the task belongs to.
  const leader = await playwright.request.newContext({ baseURL, storageState: storageStateOf("townBLeader") });
  const campaigns = [...new Set((await (await leader.get("/campaigns")).text()).match(/\/campaigns\/[0-9a-f-]{36}/g) ?? [])];
  let csv = "";
  let campaignPath = "";
  for (const path of campaigns) {
    const text = await (await leader.get(`/api/exports${path}/csv?sheet=hazards`)).text();
    if (text.includes(stamp)) [csv, campaignPath] = [text, path];
  }
  expect(csv).toContain(`,${title},`);
  // Quoted for the comma and quotes inside, and a leading apostrophe so a spreadsheet shows it instead of computing it.
  expect(csv).toContain(`"'${description.replaceAll('"', '""')}"`);

  const response = await leader.get(`/api/exports${campaignPath}/xlsx`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  workbook.getWorksheet("隐患台账")!.eachRow((row) => row.eachCell((cell) => void (String(cell.value).includes(stamp) && cells.push(cell))));
  expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining([title, `'${description}`]));
  expect(cells.every((c) => c.type === ExcelJS.ValueType.String && !c.formula)).toBe(true);
  await leader.dispose();
});

/**
 * Broken multipart bodies to a real server action (the public report's). Next 16
 * decodes a server action's multipart body (busboy + React's decodeReply) before
 * any app code runs, and answers every body it cannot decode with 500 (server
 * log: "Unexpected end of form" for a cut-off part). The app cannot intercept
 * that: proxy.ts deliberately skips next-action requests so uploads are not
 * buffered, and submitReport catches everything once it is called. What the
 * app controls is asserted: the answer carries nothing internal, no report is
 * written, the server stays healthy, and a body that decodes but holds bad
 * fields is refused by the action with a message and no 5xx.
 */
test("a server action POST with a broken multipart body writes nothing and leaks nothing", async ({ request, playwright, baseURL }) => {
  // The action's id as this build named it (the page hands it to the form inside the RSC payload).
  const actionId = serverActionId("app/report/[org]/actions.ts", "submitReport");
  const marker = `断开${Date.now().toString(36)}`;
  const boundary = "----duban-fuzz";
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  // The page's form sends React's reply encoding: field "0" holds the arguments (the bound org code, then the form as $K1).
  const root = part("0", '["500230104","$K1"]');
  const post = (body: string) =>
    request.post("/report/500230104", {
      headers: { "Next-Action": actionId, "Content-Type": `multipart/form-data; boundary=${boundary}` },
      data: Buffer.from(body, "latin1"),
      maxRedirects: 0,
    });

  const broken: [label: string, body: string][] = [
    ["cut off inside a part", `${root}${part("1_description", marker)}${part("1_location", marker)}`.slice(0, -20)],
    ["file part without its end", `${root}--${boundary}\r\nContent-Disposition: form-data; name="1_photo"; filename="a.png"\r\n\r\n\x89PNG`],
    ["wrong boundary", `--other\r\n${part("1_description", marker)}--other--`],
    ["no parts at all", `garbage ${marker} \u0000\u0001`],
    ["empty", ""],
    ["parts but no argument field", `${part("1_description", marker)}--${boundary}--\r\n`],
  ];
  for (const [label, body] of broken) {
    const response = await post(body);
    expect(response.status(), label).toBe(500);
    expect(await response.text(), label).not.toMatch(/Unexpected end of form|Error|at .+\.js:\d+|node_modules/);
  }

  const decodable = await post(`${root}${part("1_description", "")}${part("1_location", marker)}--${boundary}--\r\n`);
  expect(decodable.status()).toBe(200);
  expect(await decodable.text()).toContain("请填写隐患描述");

  expect((await request.get("/api/health")).status()).toBe(200);
  const leader = await playwright.request.newContext({ baseURL, storageState: storageStateOf("leader") });
  expect(await (await leader.get("/hazards/intake")).text()).not.toContain(marker);
  await leader.dispose();
});
