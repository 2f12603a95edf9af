/**
 * HTTP measurements against the running server: pages under autocannon at a
 * given concurrency, file downloads timed with the server's peak memory, and
 * the gzipped JavaScript a page loads.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { sampleRss } from "./server";

export interface LatencyStats {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Completed requests per second over the run. */
  rps: number;
}

/** Percentile of a sorted sample (nearest rank), in the sample's unit. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function latencyStats(latencies: number[], errors: number, seconds: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: latencies.length / seconds,
  };
}

/** One autocannon run; every response's latency is kept (autocannon's own summary has no p95). */
export async function runAutocannon(options: autocannon.Options) {
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, timeout: 180 }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return { latencies, errors: non2xx + result.errors + result.timeouts, seconds };
}

/**
 * A signed-in page at `connections` concurrent users, each making `rounds`
 * requests one after another, after a short warm-up. A fixed count rather
 * than a duration, so slow responses are never cut off at the end.
 */
export async function loadPage(url: string, cookie: string, connections: number, rounds: number): Promise<LatencyStats> {
  const headers = { cookie, accept: "text/html" };
  await runAutocannon({ url, headers, connections: 1, amount: 2 });
  // At one user a single request says little: at least five.
  const run = await runAutocannon({ url, headers, connections, amount: connections * Math.max(rounds, connections === 1 ? 5 : 1) });
  return latencyStats(run.latencies, run.errors, run.seconds);
}

export interface DownloadStats {
  seconds: number;
  bytes: number;
  peakRssMb: number;
}

/** Downloads a file in full, timing it and sampling the server's RSS meanwhile. */
export async function download(url: string, cookie: string, serverPid: number): Promise<DownloadStats> {
  const stopSampling = sampleRss(serverPid);
  const started = performance.now();
  let bytes = 0;
  let head = "";
  let peakRssMb = 0;
  try {
    const response = await fetch(url, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`);
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (bytes === 0) head = Buffer.from(chunk.value).subarray(0, 2).toString("latin1");
      bytes += chunk.value.byteLength;
    }
  } finally {
    peakRssMb = stopSampling();
  }
  if (head !== "PK") throw new Error(`GET ${url}: not an XLSX (zip) file`);
  return { seconds: (performance.now() - started) / 1000, bytes, peakRssMb };
}

/** Gzipped size (KB) of the JavaScript chunks a signed-in page references: what its first load fetches. */
export async function pageJsKb(baseUrl: string, path: string, cookie: string): Promise<{ files: number; kb: number }> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const chunks = [...new Set(html.match(/\/_next\/static\/[\w./-]+?\.js/g) ?? [])];
  let bytes = 0;
  for (const chunk of chunks) {
    const response = await fetch(`${baseUrl}${chunk}`);
    if (!response.ok) throw new Error(`GET ${chunk}: HTTP ${response.status}`);
    bytes += gzipSync(Buffer.from(await response.arrayBuffer())).byteLength;
  }
  return { files: chunks.length, kb: bytes / 1024 };
}
