import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** A lead must be an active investigator or admin. */
export async function assertEligibleLead(tx: Tx, userId: string): Promise<void> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false), inArray(users.role, ["investigator", "admin"])));
  if (!user)
    throw new AppError("bad_request", "The lead must be an active investigator or admin", [
      { path: "leadId", message: "Not an active investigator or admin" },
    ]);
}
