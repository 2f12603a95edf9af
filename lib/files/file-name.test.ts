import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "./file-name";

describe("sanitizeFileName", () => {
  it("keeps Chinese names, drops paths and control characters", () => {
    expect(sanitizeFileName("安全生产月 会议记录.docx")).toBe("安全生产月 会议记录.docx");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\张丽\\照片.jpg")).toBe("照片.jpg");
    expect(sanitizeFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName("")).toBe("file");
  });

  it("cuts long names to 200 characters, keeping the extension", () => {
    const name = sanitizeFileName(`${"长".repeat(300)}.xlsx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith(".xlsx")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("encodes the UTF-8 name per RFC 5987 with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "会议记录 (1).pdf")).toBe(
      `attachment; filename="____ (1).pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95%20%281%29.pdf`,
    );
    expect(contentDisposition("inline", 'a"b.png')).toBe(`inline; filename="a_b.png"; filename*=UTF-8''a%22b.png`);
  });
});
