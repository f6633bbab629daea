import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db, type Tx } from "@/db";
import { personaLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { assertEvidenceUsable, loadPersona } from "./access";
import { assertLinkWritable, type LinkRow } from "./link-access";
import { duplicate, pair } from "./link-duplicates";
import { linkView } from "./link-views";
import { type LinkInput, linkInputSchema } from "./schema";
import type { LinkView } from "./views";

type LinkData = z.output<typeof linkInputSchema>;

/**
 * An explicit link, or (status `rejected`) a remembered "these are not linked" that keeps the pair
 * out of suggestions. Links are undirected for duplicates: A→B and B→A with one relation are one link.
 * Confirming a pair that was rejected with the same relation turns that rejection into the link.
 */
export async function createLink({ actor, input }: { actor: Actor; input: LinkInput }): Promise<LinkView> {
  authorize(actor, "persona:write");
  const data = parseOrThrow(linkInputSchema, input);
  return changesGraph(db.transaction((tx) => writeLink(tx, actor, data)));
}

/**
 * The link's write and its audit event inside the caller's transaction, so a caller that records
 * more (a decision on a candidate) commits all of it or none. `data` is already validated.
 */
export async function writeLink(tx: Tx, actor: Actor, data: LinkData): Promise<LinkView> {
  if (data.fromPersonaId === data.toPersonaId) {
    throw new AppError("bad_request", "A persona cannot be linked to itself: choose two different personas", [
      { path: "toPersonaId", message: "Choose a different persona" },
    ]);
  }
  // Both rows locked in id order, so two people linking the same pair at once queue up.
  for (const id of [data.fromPersonaId, data.toPersonaId].sort()) await loadPersona(tx, actor, id, { forUpdate: true });
  await assertLinkWritable(tx, actor, data.fromPersonaId, data.toPersonaId);
  await assertEvidenceUsable(tx, actor, data.evidenceId, "evidenceId");
  const existing = await tx.select().from(personaLinks).where(pair(data.fromPersonaId, data.toPersonaId));
  const confirmed = existing.find(
    (l) => l.status === "confirmed" && (data.status === "rejected" || l.relation === data.relation),
  );
  if (confirmed)
    throw duplicate(
      `These personas are already linked (${confirmed.relation.replace(/_/g, " ")}); edit that link instead`,
      confirmed.id,
    );
  const rejected = existing.find(
    (l) => l.status === "rejected" && (data.status === "rejected" || l.relation === data.relation),
  );
  if (rejected && data.status === "rejected") throw duplicate("This suggestion was already rejected", rejected.id);
  const values = { ...data, evidenceId: data.evidenceId ?? null, createdById: actor.id };
  let row: LinkRow | undefined;
  if (rejected) {
    [row] = await tx.update(personaLinks).set(values).where(eq(personaLinks.id, rejected.id)).returning();
  } else {
    [row] = await tx.insert(personaLinks).values(values).returning();
  }
  if (!row) throw new Error("link write returned nothing");
  // Read before the audit event: the chain stays locked from the append to the commit.
  const answer = await linkView(tx, actor, row.id);
  await recordAudit(tx, {
    actor,
    action: data.status === "rejected" ? "persona_link.reject" : "persona_link.create",
    entityType: "persona_link",
    entityId: row.id,
    detail: {
      from: row.fromPersonaId,
      to: row.toPersonaId,
      relation: row.relation,
      confidence: row.confidence,
      ...(rejected ? { replacedRejection: true } : {}),
    },
  });
  return answer;
}
