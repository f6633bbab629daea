import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { personaLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { canWritePersonas, loadPersona } from "./access";

export type LinkRow = typeof personaLinks.$inferSelect;

export async function loadLink(tx: DbOrTx, actor: Actor, linkId: string): Promise<LinkRow> {
  const [row] = await tx.select().from(personaLinks).where(eq(personaLinks.id, linkId)).for("update");
  if (!row) throw AppError.notFound("Link");
  await loadPersona(tx, actor, row.fromPersonaId).catch(() => Promise.reject(AppError.notFound("Link")));
  await loadPersona(tx, actor, row.toPersonaId).catch(() => Promise.reject(AppError.notFound("Link")));
  return row;
}

/** A link is an assertion about both personas: whoever may change either end may make or change it. */
export async function assertLinkWritable(
  tx: DbOrTx,
  actor: Actor,
  fromPersonaId: string,
  toPersonaId: string,
): Promise<void> {
  if ((await canWritePersonas(tx, actor, [fromPersonaId, toPersonaId])).size === 0) {
    throw new AppError("forbidden", "You only observe the cases these personas are in; observers cannot link them");
  }
}
