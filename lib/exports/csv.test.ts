import { describe, expect, it } from "vitest";
import { BOM, csvField, csvHeader, csvLine, csvStream } from "./csv";
import { singlePage } from "./paging";
import { cellText, neutralizeFormula, type Column } from "./sheet";

const text: Column = { key: "v", header: "内容", width: 10, type: "text" };

describe("formula neutralising", () => {
  it.each(["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"])("prefixes %j with an apostrophe", (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text, and numbers in number cells, alone", () => {
    expect(neutralizeFormula("青杠村 = 完成")).toBe("青杠村 = 完成");
    expect(cellText({ ...text, type: "number" }, -2)).toBe("-2");
    expect(cellText(text, "-2")).toBe("'-2");
  });
});

describe("CSV fields and lines", () => {
  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField("一\n二")).toBe('"一\n二"');
    expect(csvField("plain")).toBe("plain");
  });

  it("ends lines with CRLF and neutralises before quoting", () => {
    const cols: Column[] = [text, { key: "d", header: "时间", width: 10, type: "datetime" }];
    expect(csvLine(cols, { v: '=HYPERLINK("x")', d: new Date("2026-06-30T15:59:00Z") })).toBe(
      `"'=HYPERLINK(""x"")",2026-06-30 23:59\r\n`,
    );
    expect(csvLine(cols, { v: null, d: undefined })).toBe(",\r\n");
  });

  it("starts the header with a BOM", () => {
    expect(csvHeader([text])).toBe(`${BOM}内容\r\n`);
  });

  it("streams header and rows as UTF-8 bytes beginning EF BB BF", async () => {
    const stream = csvStream({ name: "汇总", columns: [text], rows: singlePage([{ v: "青杠村" }]) }, () => {});
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(`${BOM}内容\r\n青杠村\r\n`);
  });
});
