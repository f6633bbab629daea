import { asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { evidenceMentions, evidenceTexts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { loadEvidence } from "@/lib/evidence/access";
import { correlate, loadHolders, noMatches } from "@/lib/personas/correlation";
import type { MentionListView } from "./views";

const keyOf = (type: string, normalizedValue: string) => `${type}\u001f${normalizedValue}`;

/**
 * GET /api/evidence/{id}/mentions: the identifiers the item's text mentions, most frequent
 * first, each with the personas already holding it as far as the reader may know (in cases they
 * cannot access, a count and the leads to ask).
 */
export async function listMentions({
  actor,
  evidenceId,
}: {
  actor: Actor;
  evidenceId: string;
}): Promise<MentionListView> {
  const { access } = await loadEvidence(db, actor, evidenceId, "evidence:read_content");
  const [text] = await db
    .select({ status: evidenceTexts.status })
    .from(evidenceTexts)
    .where(eq(evidenceTexts.evidenceId, evidenceId));
  const rows = await db
    .select()
    .from(evidenceMentions)
    .where(eq(evidenceMentions.evidenceId, evidenceId))
    .orderBy(desc(evidenceMentions.count), asc(evidenceMentions.type), asc(evidenceMentions.normalizedValue));
  const holders =
    rows.length === 0
      ? []
      : await loadHolders<string>(
          db,
          actor,
          sql`m.type::text || chr(31) || m.normalized_value`,
          sql`from ${evidenceMentions} m
              join identifiers i on i.type = m.type and i.normalized_value = m.normalized_value
              join persona_identifiers pi on pi.identifier_id = i.id
              join personas on personas.id = pi.persona_id
              where m.evidence_id = ${evidenceId}`,
        );
  const known = correlate(holders, { other: false });
  return {
    status: text?.status ?? "pending",
    // Who works on the case (not an observer) and may change personas records what the text says.
    canRecord: can(actor, "persona:write") && can(actor, "evidence:upload", { case: access }),
    items: rows.map((m) => {
      const c = known.get(keyOf(m.type, m.normalizedValue));
      return {
        type: m.type,
        value: m.value,
        normalizedValue: m.normalizedValue,
        chain: m.chain,
        count: m.count,
        locations: m.locations,
        knownAs: c ?? noMatches,
      };
    }),
  };
}
