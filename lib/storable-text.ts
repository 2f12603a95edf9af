/**
 * PostgreSQL cannot store a NUL character in text, and a lone UTF-16
 * surrogate is no character at all (jsonb refuses it; text would silently get
 * U+FFFD). Input holding either is refused up front with a clear message,
 * instead of failing in the database as an internal error.
 */
export const UNSTORABLE_TEXT_MESSAGE = "包含无法保存的字符（空字符或残缺的 Unicode 字符），请删除后重试";

const storable = (s: string) => !s.includes("\u0000") && s.isWellFormed();

/** The path (e.g. `items.0.note`, `_` for the whole input) of the first string that cannot be stored, or null. */
export function unstorableTextPath(value: unknown, path: string[] = [], seen = new WeakSet<object>()): string | null {
  if (typeof value === "string") return storable(value) ? null : path.join(".") || "_";
  if (typeof File !== "undefined" && value instanceof File) return null;
  if (value === null || typeof value !== "object" || seen.has(value)) return null;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    const found = unstorableTextPath(item, [...path, key], seen);
    if (found) return found;
  }
  return null;
}
