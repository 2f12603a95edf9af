import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, MESSAGE_NAMESPACES } from "./config";

const dir = path.join(__dirname, "messages");
const load = (locale: string, ns: string) => JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), "utf8"));

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("every namespace file is registered", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(dir, locale)).map((f) => f.replace(/\.json$/, ""));
      expect(files.sort()).toEqual([...MESSAGE_NAMESPACES].sort());
    }
  });

  it("English has exactly the keys Chinese has, and no namespace repeats another's top-level key", () => {
    const seen = new Set<string>();
    for (const ns of MESSAGE_NAMESPACES) {
      const zh = load("zh-CN", ns);
      expect(keysOf(load("en", ns)).sort(), ns).toEqual(keysOf(zh).sort());
      for (const top of Object.keys(zh)) {
        expect(seen.has(top), `${ns}: ${top}`).toBe(false);
        seen.add(top);
      }
    }
  });
});
