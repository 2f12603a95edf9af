import type { ActionResult } from "@/lib/auth/action-core";

/** The most specific message of a refused action: the first field error, else the server's message. */
export function actionErrorMessage(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  const first = Object.values(result.fieldErrors ?? {}).flat()[0];
  return first ?? result.message;
}
