import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every sign-in attempt, kept in the database so that all app instances share
 * the rate limit (lib/auth/login-throttle.ts). Not tenant data: an attempt
 * happens before anyone is known to belong to a township.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The account tried: a user id when the name is known, else the normalised name typed. */
    account: text().notNull(),
    /** The client address as the reverse proxy saw it. */
    address: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_account_idx").on(t.account, t.createdAt),
    index("login_attempts_address_idx").on(t.address, t.createdAt),
  ],
);
