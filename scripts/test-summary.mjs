#!/usr/bin/env node
// Prints one "label: N passed, N failed" line per results folder and a closing
// total, from the JSON that vitest and Playwright write when DUBAN_TEST_RESULTS
// is set. Usage: node scripts/test-summary.mjs label=dir [label=dir…]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const arg of process.argv.slice(2)) {
  const [label, dir] = arg.includes("=") ? arg.split("=", 2) : [path.basename(arg), arg];
  const unit = read(path.join(dir, "unit.json"));
  const e2e = read(path.join(dir, "e2e.json"));
  const counts = [
    ["unit", unit && { p: unit.numPassedTests, f: unit.numFailedTests, s: unit.numPendingTests + unit.numTodoTests }],
    ["e2e", e2e && { p: e2e.stats.expected + e2e.stats.flaky, f: e2e.stats.unexpected, s: e2e.stats.skipped }],
  ];
  for (const [kind, c] of counts) {
    if (!c) {
      console.log(`${label}-${kind}: no results`);
      continue;
    }
    console.log(`${label}-${kind}: ${c.p} passed, ${c.f} failed, ${c.s} skipped`);
    passed += c.p;
    failed += c.f;
    skipped += c.s;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
