import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { matchCandidates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parseOrThrow } from "@/lib/errors";
import { changesGraph } from "@/lib/graph/cache";
import { loadPersona } from "./access";
import { flipReasons } from "@/lib/matching/store-candidates";
import { writeLink } from "./create-link";
import { candidateDecisionSchema, type CandidateDecision, type CandidateReason } from "./candidate-views";
import type { LinkView } from "./views";

/**
 * A person's word on a candidate pair: a confirmed link (it joins the network) or a rejected one
 * (the pair never comes back). The reasons and score at the time of the decision (as the matching
 * job stored them) are kept in the audit trail beside the link's own entry, and the decision on the
 * stored pair, which recomputing never reopens. Both personas must be visible, else not found.
 * The link, its audit entry and the decision's audit entry commit together or not at all: a link
 * without the reasons it was decided on would be an unexplained assertion in the network.
 */
export async function decideCandidate({
  actor,
  personaId,
  otherId,
  input,
}: {
  actor: Actor;
  personaId: string;
  otherId: string;
  input: CandidateDecision;
}): Promise<LinkView> {
  authorize(actor, "persona:write");
  await loadPersona(db, actor, personaId);
  await loadPersona(db, actor, otherId);
  const data = parseOrThrow(candidateDecisionSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const [a, b] = [personaId, otherId].sort() as [string, string];
      const [stored] = await queryRows<{ score: number; reasons: CandidateReason[] }>(
        tx,
        sql`select score, reasons from ${matchCandidates} where persona_a = ${a} and persona_b = ${b}`,
      );
      const candidate = stored && {
        score: stored.score,
        reasons: a === personaId ? stored.reasons : flipReasons(stored.reasons),
      };
      const link = await writeLink(tx, actor, {
        fromPersonaId: personaId,
        toPersonaId: otherId,
        relation: data.relation,
        status: data.decision === "confirm" ? "confirmed" : "rejected",
        confidence: candidate?.score ?? 50,
        rationale: data.rationale,
      });
      await recordAudit(tx, {
        actor,
        action: `persona_candidate.${data.decision}`,
        entityType: "persona_link",
        entityId: link.id,
        detail: { from: personaId, to: otherId, score: candidate?.score ?? null, reasons: candidate?.reasons ?? [] },
      });
      const decided = {
        decision: data.decision === "confirm" ? ("confirmed" as const) : ("rejected" as const),
        linkId: link.id,
        decidedById: actor.id,
        decidedAt: new Date(),
      };
      await tx
        .insert(matchCandidates)
        .values({ personaA: a, personaB: b, score: stored?.score ?? 0, reasons: stored?.reasons ?? [], ...decided })
        .onConflictDoUpdate({ target: [matchCandidates.personaA, matchCandidates.personaB], set: decided });
      return link;
    }),
  );
}
