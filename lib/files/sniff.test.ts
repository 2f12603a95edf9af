import { describe, expect, it } from "vitest";
import { docxBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes, zipBytes } from "@/tests/helpers/evidence-bytes";
import { EVIDENCE_MIME_TYPES as T, sniffMimeType } from "./sniff";

function ftyp(major: string, compatible: string[]): Uint8Array {
  const brands = [major, "\0\0\0\0", ...compatible].join("");
  const size = 8 + brands.length;
  return Uint8Array.from([0, 0, 0, size, ...Buffer.from(`ftyp${brands}`, "latin1"), 0, 0, 0, 8]);
}

describe("sniffMimeType", () => {
  it("recognises each accepted type from its bytes", () => {
    expect(sniffMimeType(jpegBytes())).toBe(T.jpg);
    expect(sniffMimeType(pngBytes(4))).toBe(T.png);
    expect(sniffMimeType(Buffer.from("RIFF\x24\0\0\0WEBPVP8 ", "latin1"))).toBe(T.webp);
    expect(sniffMimeType(pdfBytes())).toBe(T.pdf);
    expect(sniffMimeType(docxBytes())).toBe(T.docx);
    expect(sniffMimeType(xlsxBytes())).toBe(T.xlsx);
  });

  it("tells HEIC from generic HEIF, and refuses AVIF and video", () => {
    for (const brand of ["heic", "heix", "hevc", "heim", "heis"]) expect(sniffMimeType(ftyp(brand, ["mif1"]))).toBe(T.heic);
    expect(sniffMimeType(ftyp("mif1", ["heic"]))).toBe(T.heic);
    expect(sniffMimeType(ftyp("mif1", ["miaf"]))).toBe(T.heif);
    expect(sniffMimeType(ftyp("msf1", []))).toBe(T.heif);
    expect(sniffMimeType(ftyp("avif", ["mif1"]))).toBeNull();
    expect(sniffMimeType(ftyp("mif1", ["avif"]))).toBeNull();
    expect(sniffMimeType(ftyp("isom", ["mp41"]))).toBeNull();
  });

  it("refuses text, however the file is named, and empty or truncated bytes", () => {
    expect(sniffMimeType(Buffer.from("这不是照片，只是文字"))).toBeNull();
    expect(sniffMimeType(Buffer.from("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffMimeType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffMimeType(Buffer.from("MZ\x90\0\x03\0\0\0", "latin1"))).toBeNull();
    expect(sniffMimeType(Buffer.from("\x7fELF\x02\x01\x01", "latin1"))).toBeNull();
    expect(sniffMimeType(new Uint8Array())).toBeNull();
    expect(sniffMimeType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    expect(sniffMimeType(Buffer.from("RIFF\0\0\0\0WAVE", "latin1"))).toBeNull();
  });

  it("does not take a docx for an xlsx, and refuses plain or ambiguous zips", () => {
    expect(sniffMimeType(docxBytes())).not.toBe(T.xlsx);
    expect(sniffMimeType(xlsxBytes())).not.toBe(T.docx);
    expect(sniffMimeType(zipBytes(["readme.txt", "word.txt"]))).toBeNull();
    expect(sniffMimeType(zipBytes(["[Content_Types].xml", "word/document.xml", "xl/workbook.xml"]))).toBeNull();
    expect(sniffMimeType(zipBytes(["word/document.xml"]))).toBeNull();
  });

  it("reads the local headers when the central directory is cut off", () => {
    const whole = docxBytes();
    const cut = whole.subarray(0, whole.length - 30);
    expect(sniffMimeType(cut)).toBe(T.docx);
  });
});
