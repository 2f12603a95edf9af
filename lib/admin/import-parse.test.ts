import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "./import-parse";
import { importTemplate } from "./import-template";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("import file parsing", () => {
  it("reads CSV with a BOM, CRLF, quoted commas, doubled quotes and line breaks, skipping blank lines", async () => {
    const csv = '\uFEFF单位编码,单位名称\r\nA1,"陈家村, 一组"\r\n\r\nA2,"说""明""\n第二行"\r\n';
    const sheet = await parseImportFile(utf8(csv));
    expect(sheet.headers).toEqual(["单位编码", "单位名称"]);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, values: { 单位编码: "A1", 单位名称: "陈家村, 一组" } },
      { rowNumber: 4, values: { 单位编码: "A2", 单位名称: '说"明"\n第二行' } },
    ]);
  });

  it("reads CSV without a BOM and with LF endings; missing trailing cells are empty", async () => {
    const sheet = await parseImportFile(utf8("姓名,用户名,手机号\n张三,zs\n"));
    expect(sheet.rows).toEqual([{ rowNumber: 2, values: { 姓名: "张三", 用户名: "zs", 手机号: "" } }]);
  });

  it("refuses a file that is not UTF-8", async () => {
    await expect(parseImportFile(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb]))).rejects.toThrow("UTF-8");
  });

  it("reads the first sheet of an XLSX workbook, numbers as digits, with sheet row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("用户");
    sheet.addRow(["姓名", "用户名", "手机号"]);
    sheet.addRow(["张三", "zs", 13800001111]);
    sheet.addRow([]);
    sheet.addRow(["李四", "ls", "13900002222"]);
    workbook.addWorksheet("其他").addRow(["忽略"]);
    const parsed = await parseImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(parsed.headers).toEqual(["姓名", "用户名", "手机号"]);
    expect(parsed.rows).toEqual([
      { rowNumber: 2, values: { 姓名: "张三", 用户名: "zs", 手机号: "13800001111" } },
      { rowNumber: 4, values: { 姓名: "李四", 用户名: "ls", 手机号: "13900002222" } },
    ]);
  });

  it("the downloadable templates round-trip: Chinese headers and one example row", async () => {
    const units = await parseImportFile(new Uint8Array(await importTemplate("units")));
    expect(units.headers).toEqual(["单位编码", "单位名称", "单位类型", "责任人", "联系电话"]);
    expect(units.rows).toHaveLength(1);
    const users = await parseImportFile(new Uint8Array(await importTemplate("users")));
    expect(users.headers).toEqual(["姓名", "用户名", "手机号", "角色", "所属单位编码"]);
    expect(users.rows[0]?.values["角色"]).toBe("联络员");
  });
});
