import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { executeAction, type ActionResult, type Command } from "./action-core";
import { getActor } from "./session";

/**
 * Wraps a server action body: session → membership → permission → zod →
 * transaction with audit rows (executeAction), then revalidates the pages
 * that show what changed.
 */
export function authorizedAction<S extends z.ZodType, T>(
  command: Command<S, T>,
  options: { revalidate?: string[] } = {},
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    const result = await executeAction(getDb(), await getActor(), command.config, input, command.body);
    if (result.ok) for (const path of options.revalidate ?? []) revalidatePath(path);
    return result;
  };
}
