import { describe, expect, it } from "vitest";
import { unstorableTextPath } from "./storable-text";

describe("unstorableTextPath", () => {
  it("finds a NUL or a lone surrogate anywhere in the input, by path", () => {
    expect(unstorableTextPath("a\u0000b")).toBe("_");
    expect(unstorableTextPath({ note: "ok", items: [{ reason: "x\uD800" }] })).toBe("items.0.reason");
    expect(unstorableTextPath({ title: "\uDC00" })).toBe("title");
  });

  it("passes text that PostgreSQL stores as sent, including astral, RTL and zero-width characters", () => {
    expect(unstorableTextPath({ a: "𠀀😀e\u0301", b: "\u202Etxt\u202C", c: "零\u200B宽", d: 1, e: null, f: new File(["x"], "x.txt") })).toBeNull();
  });

  it("survives a cyclic input", () => {
    const input: Record<string, unknown> = { note: "ok" };
    input.self = input;
    expect(unstorableTextPath(input)).toBeNull();
  });
});
