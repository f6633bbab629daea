import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parseOrThrow } from "@/lib/errors";
import { changesGraph } from "@/lib/graph/cache";
import { loadPersona } from "./access";
import { scoreCandidates } from "./candidates";
import { writeLink } from "./create-link";
import { candidateDecisionSchema, type CandidateDecision } from "./candidate-views";
import type { LinkView } from "./views";

/**
 * A person's word on a candidate pair: a confirmed link (it joins the network) or a rejected one
 * (the pair never comes back). The reasons and score at the time of the decision are kept in the
 * audit trail beside the link's own entry. Both personas must be visible, else not found.
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
      const candidate = (await scoreCandidates(tx, personaId)).get(otherId);
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
      return link;
    }),
  );
}
