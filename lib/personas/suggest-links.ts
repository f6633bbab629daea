import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import {
  identifiers,
  personaIdentifiers,
  personaLinks,
  personas,
  type IdentifierType,
  type PersonaStatus,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { personaVisibleTo } from "./access";
import { groupBy } from "./correlation";
import type { SuggestionView } from "./views";

const MAX_SUGGESTIONS = 50;

/**
 * Personas that share an identifier with this one and have no link with it yet, in either
 * direction and of any status: a rejected suggestion is a link too, so it never comes back.
 */
export async function suggestLinks(actor: Actor, personaId: string): Promise<SuggestionView[]> {
  const visible = personaVisibleTo(actor) ?? sql`true`;
  const rows = await queryRows<{
    persona_id: string;
    display_name: string;
    status: PersonaStatus;
    id: string;
    type: IdentifierType;
    value: string;
    normalized_value: string;
  }>(
    db,
    sql`with shared as (
          select other.persona_id, mine.identifier_id
          from ${personaIdentifiers} mine
          join ${personaIdentifiers} other on other.identifier_id = mine.identifier_id and other.persona_id <> mine.persona_id
          where mine.persona_id = ${personaId}
        ), candidates as (
          select distinct s.persona_id from shared s
          join ${personas} on ${personas.id} = s.persona_id
          where ${visible}
            and not exists (select 1 from ${personaLinks} l
                            where (l.from_persona_id = ${personaId} and l.to_persona_id = s.persona_id)
                               or (l.from_persona_id = s.persona_id and l.to_persona_id = ${personaId}))
          limit ${MAX_SUGGESTIONS}
        )
        select c.persona_id, p.display_name, p.status, i.id, i.type, i.value, i.normalized_value
        from candidates c
        join ${personas} p on p.id = c.persona_id
        join shared s on s.persona_id = c.persona_id
        join ${identifiers} i on i.id = s.identifier_id
        order by p.display_name, i.type`,
  );
  return [...groupBy(rows, (r) => r.persona_id).values()].map((group) => {
    const first = group[0]!;
    return {
      persona: { id: first.persona_id, displayName: first.display_name, status: first.status },
      sharedIdentifiers: group.map((r) => ({
        id: r.id,
        type: r.type,
        value: r.value,
        normalizedValue: r.normalized_value,
      })),
    };
  });
}
