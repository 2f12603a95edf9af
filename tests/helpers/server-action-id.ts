import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/**
 * The id of a server action in a production build (`next build` writes the
 * map), found by its file and export name: the id is what the browser sends
 * in the `Next-Action` header. Used by the e2e specs and the benchmark.
 */
export function serverActionId(filename: string, exportedName: string, distDir = process.env.NEXT_DIST_DIR || ".next"): string {
  const file = path.resolve(ROOT, distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename} (${file})`);
  return found[0];
}
