import { relations } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { userRoles } from "../../lib/users/constants";

// The value lists live beside the product code so the browser can use them without drizzle.
export { userRoles };
export type { UserRole } from "../../lib/users/constants";

export const userRole = pgEnum("user_role", userRoles);

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: userRole().notNull(),
  // An account made by single sign-on holds a marker no password verifies against (lib/users/sso.ts).
  passwordHash: text().notNull(),
  // The OpenID provider's subject (`sub`) this account signed in as first; a different subject with
  // the same e-mail is refused, so a re-issued address at the provider cannot take the account over.
  ssoSubject: text().unique(),
  disabled: boolean().notNull().default(false),
  // Bumped when the password changes or is reset: sessions signed in under an older value end,
  // except the one that made the change (keptSessionId).
  sessionVersion: integer().notNull().default(0),
  keptSessionId: text(),
  // Set by an admin's reset: the next sign-in must choose a new password before anything else.
  mustChangePassword: boolean().notNull().default(false),
  passwordChangedAt: timestamp({ withTimezone: true }),
  lastLoginAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // SHA-256 of the secret: tokens are 256-bit random, so a fast unsalted hash is enough.
    tokenHash: text().notNull().unique(),
    // First characters of the token, so a user can tell their tokens apart.
    prefix: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId)],
);

export const usersRelations = relations(users, ({ many }) => ({
  apiTokens: many(apiTokens),
}));

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * Counters of rate-limiter-flexible's RateLimiterDrizzle (failed sign-ins per account and per
 * address, requests per API token). In PostgreSQL so that every instance shares one count.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});
