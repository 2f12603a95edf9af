/**
 * The client's address as the nearest proxy saw it: x-real-ip when the
 * proxy sets it, else the LAST x-forwarded-for hop (a client can prepend
 * anything to that header, but each proxy appends the address it saw).
 * Where no proxy sits in front, a client can still forge it, which is why
 * every limit keyed on it has a second key (a township cap, a per-account
 * limit) that the client cannot choose.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return headers.get("x-real-ip")?.trim() || forwarded || "unknown";
}
