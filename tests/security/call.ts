import { edge } from "./framework-mocks";
import { exportOf } from "./entries";
import type { ActionEntry, RouteRequest } from "./registry";
import type { Persona } from "./world";

/** What a call produced: an action's result or a route's status, and everything it said as text. */
export interface Outcome {
  ok: boolean;
  code: string | null;
  status: number | null;
  message: string;
  /** A refusal: an unauthenticated / forbidden / not-found result, or 401 / 403 / 404 / a redirect to the sign-in page. */
  refused: boolean;
  text: string;
}

export const REFUSAL_CODES = ["unauthenticated", "forbidden", "not_found"];
export const REFUSAL_STATUSES = [401, 403, 404];

async function as<T>(who: Persona, call: () => Promise<T>): Promise<T> {
  edge.actor = who.actor;
  try {
    return await call();
  } finally {
    edge.actor = null;
  }
}

/** Calls the real exported server action as `who`. */
export async function callAction(key: string, entry: ActionEntry, who: Persona, input: unknown): Promise<Outcome> {
  const action = exportOf(key);
  const result = (await as(who, () => (entry.invoke ? entry.invoke(action, input) : action(input)))) as {
    ok: boolean;
    code?: string;
    message?: string;
  };
  const code = result.code ?? null;
  const refused = !result.ok && REFUSAL_CODES.includes(code ?? "");
  return { ok: result.ok, code, status: null, message: result.message ?? "", refused, text: JSON.stringify(result) };
}

/** Calls the real exported route handler as `who`, reading the whole body (exports stream). */
export async function callRoute(key: string, who: Persona, request: RouteRequest, okStatus = 200, method = "GET"): Promise<Outcome> {
  const handler = exportOf(key);
  const url = `http://localhost/matrix${request.query ? `?${request.query}` : ""}`;
  const response = (await as(who, () => handler(new Request(url, { method }), { params: Promise.resolve(request.params) }))) as Response;
  const body = Buffer.from(await response.arrayBuffer());
  const text = `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${body.toString("utf8")}`;
  const { status } = response;
  const refused = REFUSAL_STATUSES.includes(status) || (status >= 300 && status < 400 && response.headers.get("location") === "/login");
  const ok = status === okStatus && !refused;
  return { ok, code: null, status, message: ok ? "" : body.toString("utf8"), refused, text };
}
