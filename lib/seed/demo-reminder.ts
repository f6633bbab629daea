import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { demoLogins } from "./users";

/** The demo accounts still enabled and on the password the README and the start message publish. */
export async function demoAccountsOnPublishedPasswords(): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        inArray(
          users.email,
          demoLogins.map((l) => l.email),
        ),
        isNull(users.passwordChangedAt),
        eq(users.disabled, false),
      ),
    );
  return rows.map((r) => r.email).sort();
}
