import { and, eq, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { personaLinks, personas, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { personaVisibleTo } from "./access";
import type { LinkView } from "./views";

const fromP = alias(personas, "from_persona");
const toP = alias(personas, "to_persona");

/** Links whose two personas the actor can both see; a link to a hidden persona is not theirs to know. */
export async function loadLinkViews(runner: DbOrTx, actor: Actor, where: SQL | undefined): Promise<LinkView[]> {
  const rows = await runner
    .select({
      link: personaLinks,
      from: { id: fromP.id, displayName: fromP.displayName, status: fromP.status },
      to: { id: toP.id, displayName: toP.displayName, status: toP.status },
      createdByName: users.name,
    })
    .from(personaLinks)
    .innerJoin(fromP, eq(fromP.id, personaLinks.fromPersonaId))
    .innerJoin(toP, eq(toP.id, personaLinks.toPersonaId))
    .leftJoin(users, eq(users.id, personaLinks.createdById))
    .where(and(where, personaVisibleTo(actor, fromP.id), personaVisibleTo(actor, toP.id)))
    .orderBy(personaLinks.createdAt);
  return rows.map(({ link, from, to, createdByName }) => ({
    id: link.id,
    from,
    to,
    relation: link.relation,
    status: link.status,
    confidence: link.confidence,
    rationale: link.rationale,
    evidenceId: link.evidenceId,
    createdBy: link.createdById && createdByName ? { id: link.createdById, name: createdByName } : null,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
  }));
}

export async function linkView(runner: DbOrTx, actor: Actor, id: string): Promise<LinkView> {
  const [view] = await loadLinkViews(runner, actor, eq(personaLinks.id, id));
  if (!view) throw AppError.notFound("Link");
  return view;
}

export const linksOf = (personaId: string) =>
  or(eq(personaLinks.fromPersonaId, personaId), eq(personaLinks.toPersonaId, personaId));
