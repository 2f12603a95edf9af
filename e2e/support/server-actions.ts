import type { APIRequestContext } from "@playwright/test";

export { serverActionId } from "../../tests/helpers/server-action-id";

/** What a server action answered; `no_answer` when the request itself failed or timed out. */
export type ActionAnswer =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: string; message: string };

/**
 * The action's return value from a React Server Components response: row 0
 * names the row holding it (`"a":"$@1"`), or holds it inline.
 */
function answerOf(body: string): ActionAnswer | null {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get("0");
  if (!head?.startsWith("{")) return null;
  const answer = (JSON.parse(head) as { a?: unknown }).a;
  const ref = typeof answer === "string" ? /^\$@([0-9a-f]+)$/.exec(answer)?.[1] : undefined;
  const value = ref !== undefined ? JSON.parse(rows.get(ref) ?? "null") : answer;
  return value && typeof value === "object" && "ok" in value ? (value as ActionAnswer) : null;
}

/**
 * Calls a server action the way the browser does: a POST to a page that uses
 * it, with the action id in `Next-Action` and the arguments as JSON, with the
 * cookies of `request` (a browser context's, so the session is the signed-in one).
 */
export async function callServerAction(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  input: unknown,
): Promise<ActionAnswer> {
  try {
    const response = await request.post(pagePath, {
      headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([input]),
      timeout: 20_000,
      maxRedirects: 0,
    });
    const answer = answerOf(await response.text());
    return answer ?? { ok: false, code: "no_answer", message: `HTTP ${response.status()} without an action result` };
  } catch (error) {
    return { ok: false, code: "no_answer", message: (error as Error).message.split("\n")[0] ?? "" };
  }
}
