import { escapeLike } from "@/lib/sql";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseOrThrow } from "@/lib/errors";
import { type DirectoryEntry, type DirectoryQuery, directoryQuerySchema } from "./schema";

/** Active colleagues by name or email, for choosing a lead or a member. Any signed-in user may look. */
export async function searchDirectory({
  actor: _actor,
  query,
}: {
  actor: Actor;
  query: DirectoryQuery;
}): Promise<DirectoryEntry[]> {
  const f = parseOrThrow(directoryQuerySchema, query);
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        f.role ? eq(users.role, f.role) : undefined,
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name))
    .limit(50);
}
