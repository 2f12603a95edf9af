import "server-only";
import { noteDatabaseFailure } from "@/db/client";
import { DatabaseUnavailableError, isDatabaseUnreachable } from "./database-outage";

/** Awaits a read; an outage is rethrown as DatabaseUnavailableError, any other error unchanged. */
export async function orUnavailable<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    noteDatabaseFailure(error);
    throw isDatabaseUnreachable(error) && !(error instanceof DatabaseUnavailableError)
      ? new DatabaseUnavailableError(error)
      : error;
  }
}

/** The plain 503 a route handler answers during an outage. */
function unavailableResponse(): Response {
  return new Response("服务暂时不可用，请稍后重试。Service temporarily unavailable, please try again later.\n", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "10" },
  });
}

/** Wraps a route handler: an outage answers 503 (logged) instead of Next's empty 500; other errors pass through. */
export function answersOutage<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      noteDatabaseFailure(error);
      console.error("[database unavailable]", error);
      return unavailableResponse();
    }
  };
}
