/**
 * Telling "the database cannot be reached" apart from other failures, so that
 * pages, routes and forms answer "服务暂时不可用" for an outage and keep their
 * ordinary error for a bug. Pure: error boundaries (client components) import
 * the digest from here.
 */

/**
 * Production hides a server component's error message from the browser but
 * keeps an error's own `digest`, so this is how an error boundary learns that
 * the failure was an outage.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "DUBAN_DATABASE_UNAVAILABLE";

/** Socket errors while connecting or talking to the server. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
/** postgres.js's own codes for a connection it lost or could not open. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);
/** SQLSTATEs of a server that is shutting down, starting up or full (class 08 is checked by prefix). */
const SERVER_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);

function isOutageCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return NETWORK_CODES.has(code) || DRIVER_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * True when the error, or one of its causes (drizzle wraps the driver's error
 * in a "Failed query" error), says the database server is unreachable.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    if ((current as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST) return true;
    if (isOutageCode((current as { code?: unknown }).code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What a server component throws for an outage: the error boundary shows the "service unavailable" page. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;

  constructor(cause: unknown) {
    super("The database cannot be reached", { cause });
    this.name = "DatabaseUnavailableError";
  }
}
