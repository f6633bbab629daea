/**
 * Reference SQL for the persona questions, written directly for the benchmark: the product's own
 * statements live in lib/personas and lib/graph and may differ in shape, so results measured
 * with these are labelled "reference SQL", a floor for the same question rather than a replay.
 */

/** Every persona holding one identifier (type, normalised value). */
export const holdersSql = `select p.id, p.display_name from identifiers i
join persona_identifiers pi on pi.identifier_id = i.id join personas p on p.id = pi.persona_id
where i.type = $1 and i.normalized_value = $2`;

/** Two persona hops over shared identifiers; arrays keep each step on the indexes. */
export const depth2Sql = `with p1 as (
  select distinct pi.persona_id from persona_identifiers pi
  where pi.identifier_id = any(array(select identifier_id from persona_identifiers where persona_id = $1))
), i2 as (
  select distinct identifier_id from persona_identifiers where persona_id = any(array(select persona_id from p1))
)
select pi.persona_id, pi.identifier_id from persona_identifiers pi where pi.identifier_id = any(array(select identifier_id from i2))`;

/** What a networks computation must read: personas, identifiers held by several, confirmed links. */
export const networkSql = [
  "select id::text as id, risk_score from personas",
  "select array_agg(persona_id::text) as ps from persona_identifiers group by identifier_id having count(*) > 1",
  "select from_persona_id::text as a, to_persona_id::text as b from persona_links where status = 'confirmed'",
];

/** Screening: all submitted (type, value) pairs against identifiers and their holders, in one join. */
export const screenSql = `select i.type, i.normalized_value, pi.persona_id
from unnest($1::identifier_type[], $2::text[]) as q(type, v)
join identifiers i on i.type = q.type and i.normalized_value = q.v
join persona_identifiers pi on pi.identifier_id = i.id`;
