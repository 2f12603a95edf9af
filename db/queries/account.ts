import "server-only";
import { eq } from "drizzle-orm";
import { users } from "../schema";
import type { QueryContext } from "./context";

export interface OwnProfile {
  email: string | null;
  emailNotifications: boolean;
}

/** The signed-in user's own reminder settings (users are global: only ever the caller's row). */
export async function ownProfile(ctx: QueryContext): Promise<OwnProfile> {
  const [row] = await ctx.db
    .select({ email: users.email, emailNotifications: users.emailNotifications })
    .from(users)
    .where(eq(users.id, ctx.userId));
  return row ?? { email: null, emailNotifications: true };
}
