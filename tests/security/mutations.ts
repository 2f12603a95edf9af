import { pngBytes } from "../helpers/evidence-bytes";
import type { RouteRequest } from "./registry";

/**
 * Malformed inputs, generated from a valid one. Every category named in
 * issue 7 is here; each entry gets the shape variants, every field missing,
 * and the bad values spread over its fields.
 */
export interface Mutant {
  label: string;
  input: unknown;
  /** A text payload a form may legitimately accept; if accepted it must be stored exactly so. */
  verbatim?: string;
}

/** An id of the other township's row of the kind the field names (a unit, else a campaign). */
export type OtherTenant = (field: string) => string;

const HUGE = "x".repeat(1_000_000);
const textFile = () => new File(["just text"], "note.txt", { type: "text/plain" });

/** Bad values by category; `verbatim` marks text that is valid as a note or a name. */
export function badValues(otherTenantId: string): { label: string; value: unknown; verbatim?: boolean }[] {
  return [
    { label: "number", value: 42 },
    { label: "boolean", value: true },
    { label: "null", value: null },
    { label: "array", value: ["a", "b"] },
    { label: "object", value: { nested: { deep: 1 } } },
    { label: "empty string", value: "" },
    { label: "blank string", value: "   " },
    { label: "10^6-char string", value: HUGE },
    { label: "lone high surrogate", value: "坏\uD800字" },
    { label: "lone low surrogate", value: "\uDC00abc" },
    { label: "RTL override", value: "\u202Etxt.exe\u202C整改", verbatim: true },
    { label: "zero-width", value: "零\u200B宽\u200D字\uFEFF符", verbatim: true },
    { label: "astral and combining", value: "𠀀𝔘😀e\u0301", verbatim: true },
    { label: "NUL", value: "before\u0000after" },
    { label: "negative", value: -1 },
    { label: "NaN", value: Number.NaN },
    { label: "1e308", value: 1e308 },
    { label: "Infinity", value: Number.POSITIVE_INFINITY },
    { label: "overflowing int", value: 2 ** 63 },
    { label: "overflowing numeric string", value: "9".repeat(400) },
    { label: "other tenant's id", value: otherTenantId },
    { label: "random uuid", value: crypto.randomUUID() },
    { label: "nil uuid", value: "00000000-0000-0000-0000-000000000000" },
    { label: "non-uuid id", value: "123" },
    { label: "uuid with SQL tail", value: `${crypto.randomUUID()}' OR '1'='1` },
    { label: "SQL payload", value: "'; DROP TABLE users; --", verbatim: true },
    { label: "SQL boolean", value: "1' OR '1'='1", verbatim: true },
    { label: "HTML script", value: "<script>alert(1)</script>", verbatim: true },
    { label: "HTML attribute", value: "<img src=x onerror=alert(1)>", verbatim: true },
    { label: "formula", value: "=HYPERLINK(\"http://x\")", verbatim: true },
    { label: "File for text", value: textFile() },
    { label: "image File", value: new File([pngBytes(4)], "p\u0000n\uD800g.png", { type: "image/png" }) },
  ];
}

/** The valid input's fields as a browser form would send them (a File stays a File, a list repeats its key). */
function toFormData(fields: Record<string, unknown>, map: (v: unknown) => string | File = (v) => (v instanceof File ? v : String(v))) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) form.append(key, map(item));
    }
  }
  return form;
}

/** Every malformed variant of `valid` (an object of form fields). */
export function mutantsOf(valid: Record<string, unknown>, otherTenant: OtherTenant): Mutant[] {
  const keys = Object.keys(valid);
  const out: Mutant[] = [
    { label: "undefined input", input: undefined },
    { label: "null input", input: null },
    { label: "string input", input: "assignmentId=1" },
    { label: "array input", input: [valid] },
    { label: "empty object", input: {} },
    { label: "empty FormData", input: new FormData() },
    { label: "FormData with every value a File", input: toFormData(valid, () => textFile()) },
    { label: "FormData with every key repeated", input: toFormData(Object.fromEntries(keys.map((k) => [k, [valid[k], valid[k]].flat()]))) },
    { label: "extra and prototype fields", input: { ...valid, ...JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'), orgId: otherTenant("org"), role: "admin", $ACTION_ID_x: "1" } },
  ];
  for (const key of keys) out.push({ label: `missing ${key}`, input: Object.fromEntries(keys.filter((k) => k !== key).map((k) => [k, valid[k]])) });
  // Each bad value goes to one field in turn, so every field meets several categories.
  // An input without fields still gets every bad value, under a made-up name.
  const fields = keys.length > 0 ? keys : ["field"];
  badValues(otherTenant("")).forEach((bad, i) => {
    const key = fields[i % fields.length]!;
    const value = bad.label === "other tenant's id" ? otherTenant(key) : bad.value;
    const verbatim = bad.verbatim && typeof valid[key] === "string" ? (bad.value as string) : undefined;
    out.push({ label: `${key} = ${bad.label}`, input: { ...valid, [key]: value }, verbatim });
  });
  return out;
}

/** Path and query values only come as strings: the string-shaped bad values, each in one parameter in turn. */
export function routeMutants(valid: RouteRequest, otherTenant: OtherTenant): Mutant[] {
  const query = new URLSearchParams(valid.query ?? "");
  // What the route reads; one with no input of its own gets unknown query keys (which it must ignore).
  const own = [...Object.keys(valid.params).map((k) => `param:${k}`), ...[...query.keys()].map((k) => `query:${k}`)];
  const keys = own.length > 0 ? own : ["query:download", "query:sheet"];
  const values = badValues(otherTenant("")).flatMap((bad) => {
    if (typeof bad.value === "string") return [{ label: bad.label, value: bad.value === HUGE ? "x".repeat(10_000) : bad.value }];
    if (typeof bad.value === "number") return [{ label: bad.label, value: String(bad.value) }];
    return [];
  });
  values.push({ label: "path traversal", value: "../../etc/passwd" }, { label: "percent-encoded NUL", value: "%00" });
  const out: Mutant[] = [{ label: "no query", input: { params: valid.params } }];
  values.forEach((bad, i) => {
    const key = keys[i % keys.length]!;
    const [where, name] = key.split(":") as ["param" | "query", string];
    const value = bad.label === "other tenant's id" ? otherTenant(name) : bad.value;
    const q = new URLSearchParams(query);
    if (where === "query") q.set(name, value);
    const params = where === "param" ? { ...valid.params, [name]: value } : valid.params;
    out.push({ label: `${key} = ${bad.label}`, input: { params, query: q.toString() } satisfies RouteRequest });
  });
  return out;
}
