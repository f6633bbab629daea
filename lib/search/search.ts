import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { caseNotes, cases, evidence, evidenceMentions, evidenceTextPages, identifiers, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { caseVisibleTo, contentCaseIds, visibleCaseIds } from "@/lib/cases/access";
import { textMatch } from "@/lib/cases/list-cases";
import { exhibitLabel } from "@/lib/evidence/views";
import { typeLabels } from "@/lib/identifiers/types";
import { personaVisibleTo } from "@/lib/personas/access";
import { correlate, loadHolders } from "@/lib/personas/correlation";
import { phoneRegionFor } from "@/lib/settings/get-settings";
import { escapeLike } from "@/lib/sql";
import { FOLD_FROM, FOLD_TO, fold, fromHeadline, markWords, START, STOP } from "./marks";
import { type QueryIdentifier, readIdentifiers } from "./read-identifiers";
import type { SearchItem, SearchResult } from "./views";

// Pages of text a common word matches are ranked among this many, not all of them: the best of a
// few hundred reads as well and keeps a search over hundreds of thousands of texts quick.
const RANKED_PAGES = 300;
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=1`;

const folded = (column: SQL) => sql`translate(lower(${column}), ${FOLD_FROM}, ${FOLD_TO})`;
const inCases = (column: SQL, ids: SQL | undefined) => (ids ? sql`${column} in (${ids})` : sql`true`);

interface Found {
  items: SearchItem[];
  more: boolean;
}

const cut = <T>(rows: T[], limit: number) => ({ rows: rows.slice(0, limit), more: rows.length > limit });

/** Identifiers the query names: who holds them (hidden holders counted) and the evidence that mentions them. */
async function byIdentifier(actor: Actor, keys: QueryIdentifier[], limit: number): Promise<Found> {
  const pairs = sql.join(
    keys.map((k) => sql`(${k.type}::identifier_type, ${k.normalizedValue})`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; type: QueryIdentifier["type"]; value: string }>(
    db,
    sql`select id, type, value from ${identifiers} where (type, normalized_value) in (${pairs})`,
  );
  const items: SearchItem[] = [];
  if (rows.length > 0) {
    const holders = await loadHolders<string>(
      db,
      actor,
      sql`pi.identifier_id`,
      sql`from persona_identifiers pi join personas on personas.id = pi.persona_id
          where pi.identifier_id in (${sql.join(
            rows.map((r) => sql`${r.id}::uuid`),
            sql`, `,
          )})`,
    );
    const known = correlate(holders, { other: false });
    for (const r of rows) {
      const c = known.get(r.id);
      const title = `${typeLabels[r.type].replace(/^./, (ch) => ch.toUpperCase())} ${r.value}`;
      const first = c?.personas[0];
      items.push({
        kind: "identifier",
        id: r.id,
        title,
        snippet: c?.message ?? "Recorded, but held by no persona you can see",
        marks: [],
        url: first ? `/personas/${first.id}` : `/search?q=${encodeURIComponent(r.value)}`,
      });
      for (const p of c?.personas ?? [])
        items.push({
          kind: "persona",
          id: p.id,
          title: p.displayName,
          snippet: `Holds ${typeLabels[r.type]} ${r.value}${p.cases.length ? ` · ${p.cases.map((x) => x.ref).join(", ")}` : ""}`,
          marks: markWords(`Holds ${typeLabels[r.type]} ${r.value}`, [r.value]),
          url: `/personas/${p.id}`,
        });
    }
  }
  const content = contentCaseIds(actor);
  if (content !== null) {
    const mentioned = await queryRows<{
      id: string;
      case_id: string;
      exhibit_no: number;
      title: string;
      context: string;
      value: string;
    }>(
      db,
      sql`select e.id, e.case_id, e.exhibit_no, e.title, m.locations->0->>'context' as context, m.value
          from ${evidenceMentions} m join ${evidence} e on e.id = m.evidence_id
          where (m.type, m.normalized_value) in (${pairs}) and e.deleted_at is null and ${inCases(sql`e.case_id`, content)}
          order by e.created_at desc limit ${limit + 1}`,
    );
    const { rows: shown, more } = cut(mentioned, limit);
    for (const m of shown)
      items.push({
        kind: "evidence",
        id: m.id,
        caseId: m.case_id,
        title: `${exhibitLabel(m.exhibit_no)} ${m.title}`,
        snippet: m.context ?? "",
        marks: markWords(m.context ?? "", [m.value]),
        url: `/evidence/${m.id}`,
      });
    return { items, more };
  }
  return { items, more: false };
}

async function matchingCases(actor: Actor, q: string, words: string[], limit: number): Promise<Found> {
  const visible = caseVisibleTo(actor) ?? sql`true`;
  const rows = await queryRows<{ id: string; ref: string; title: string; summary: string }>(
    db,
    sql`select ${cases.id} as id, ${cases.ref} as ref, ${cases.title} as title, ${cases.summary} as summary
        from ${cases} where ${textMatch(q)} and ${visible}
        order by ts_rank(${cases.search}, websearch_to_tsquery('casework_english', ${q})) desc, ${cases.updatedAt} desc
        limit ${limit + 1}`,
  );
  const { rows: shown, more } = cut(rows, limit);
  return {
    more,
    items: shown.map((c) => {
      const snippet = c.summary.length > 180 ? `${c.summary.slice(0, 180)}…` : c.summary;
      return {
        kind: "case" as const,
        id: c.id,
        caseId: c.id,
        title: `${c.ref} ${c.title}`,
        snippet,
        marks: markWords(snippet, words),
        url: `/cases/${c.id}`,
      };
    }),
  };
}

/** Personas by name or alias, ignoring case and accents ("Demovic" finds "Demović"). */
async function matchingPersonas(actor: Actor, q: string, limit: number): Promise<Found> {
  const pattern = `%${escapeLike(fold(q))}%`;
  const visible = personaVisibleTo(actor, personas.id, { many: true }) ?? sql`true`;
  const name = folded(sql`${personas.displayName}`);
  const rows = await queryRows<{
    id: string;
    display_name: string;
    aliases: string[];
    claimed_location: string | null;
  }>(
    db,
    sql`select ${personas.id} as id, ${personas.displayName} as display_name, ${personas.aliases} as aliases,
               ${personas.claimedLocation} as claimed_location
        from ${personas}
        where (${name} like ${pattern} or ${folded(sql`array_to_string(${personas.aliases}, ' ')`)} like ${pattern}) and ${visible}
        order by (${name} = ${fold(q)}) desc, (${name} like ${`${escapeLike(fold(q))}%`}) desc, ${personas.riskScore} desc
        limit ${limit + 1}`,
  );
  const { rows: shown, more } = cut(rows, limit);
  return {
    more,
    items: shown.map((p) => {
      const snippet = [p.aliases.length ? `a.k.a. ${p.aliases.join(", ")}` : null, p.claimed_location]
        .filter(Boolean)
        .join(" · ");
      return {
        kind: "persona" as const,
        id: p.id,
        title: p.display_name,
        snippet,
        marks: markWords(snippet, [q]),
        url: `/personas/${p.id}`,
      };
    }),
  };
}

/** Evidence by its words: the best page of each item, with the matching words highlighted. */
async function matchingEvidence(actor: Actor, q: string, words: string[], limit: number): Promise<Found> {
  const content = contentCaseIds(actor);
  // Titles and file names are the item's metadata: whoever sees the case sees them.
  const visibleCases = visibleCaseIds(actor);
  // Through the GIN index on title and file name, only in the cases the reader sees.
  const named = await queryRows<{
    id: string;
    case_id: string;
    exhibit_no: number;
    title: string;
    original_name: string;
  }>(
    db,
    sql`select e.id, e.case_id, e.exhibit_no, e.title, e.original_name from ${evidence} e
        where e.search @@ websearch_to_tsquery('casework_simple', ${q}) and e.deleted_at is null
          and ${inCases(sql`e.case_id`, visibleCases)}
        order by e.created_at desc limit ${limit + 1}`,
  );
  const items: SearchItem[] = named.slice(0, limit).map((e) => ({
    kind: "evidence",
    id: e.id,
    caseId: e.case_id,
    title: `${exhibitLabel(e.exhibit_no)} ${e.title}`,
    snippet: e.original_name,
    marks: markWords(e.original_name, words),
    url: `/evidence/${e.id}`,
  }));
  let more = named.length > limit;
  if (content !== null && items.length < limit) {
    const query = sql`websearch_to_tsquery('casework_simple', ${q})`;
    const texts = await queryRows<{
      evidence_id: string;
      page: number;
      case_id: string;
      exhibit_no: number;
      title: string;
      headline: string;
    }>(
      db,
      sql`with hits as (
            select p.evidence_id, p.page, p.text, p.search from ${evidenceTextPages} p
            join ${evidence} e on e.id = p.evidence_id
            where p.search @@ ${query} and e.deleted_at is null and ${inCases(sql`e.case_id`, content)}
            limit ${RANKED_PAGES}
          ), best as (
            select distinct on (evidence_id) evidence_id, page, text, ts_rank(search, ${query}) as rank
            from hits order by evidence_id, ts_rank(search, ${query}) desc
          )
          select b.evidence_id, b.page, e.case_id, e.exhibit_no, e.title,
                 ts_headline('casework_simple', b.text, ${query}, ${HEADLINE}) as headline
          from best b join ${evidence} e on e.id = b.evidence_id
          order by b.rank desc, e.created_at desc limit ${limit + 1}`,
    );
    const seen = new Set(items.map((i) => i.id));
    for (const t of texts) {
      if (seen.has(t.evidence_id)) continue;
      if (items.length >= limit) {
        more = true;
        break;
      }
      const { snippet, marks } = fromHeadline(t.headline);
      items.push({
        kind: "evidence",
        id: t.evidence_id,
        caseId: t.case_id,
        title: `${exhibitLabel(t.exhibit_no)} ${t.title}${t.page > 1 ? ` (page ${t.page})` : ""}`,
        snippet,
        marks,
        url: `/evidence/${t.evidence_id}`,
      });
    }
  }
  return { items, more };
}

/** Notes of the cases the reader may see, found through their case's notes index first. */
async function matchingNotes(actor: Actor, q: string, limit: number): Promise<Found> {
  const query = sql`websearch_to_tsquery('casework_english', ${q})`;
  const rows = await queryRows<{ id: string; case_id: string; ref: string; headline: string }>(
    db,
    sql`select n.id, n.case_id, ${cases.ref} as ref,
               ts_headline('casework_english', n.body, ${query}, ${HEADLINE}) as headline
        from ${caseNotes} n join ${cases} on ${cases.id} = n.case_id
        where ${textMatch(q)} and ${caseVisibleTo(actor) ?? sql`true`}
          and to_tsvector('casework_english', n.body) @@ ${query}
        order by n.created_at desc limit ${limit + 1}`,
  );
  const { rows: shown, more } = cut(rows, limit);
  return {
    more,
    items: shown.map((n) => ({
      kind: "note" as const,
      id: n.id,
      caseId: n.case_id,
      title: `Note in ${n.ref}`,
      ...fromHeadline(n.headline),
      url: `/cases/${n.case_id}?tab=notes`,
    })),
  };
}

/**
 * GET /api/search: one query over everything the reader may see. A query that reads as
 * identifiers (any notation of a wallet, e-mail, phone, IBAN, IP, profile or domain) finds who
 * holds them and the evidence that mentions them first; words find cases, personas (ignoring
 * accents), evidence by title or by its text, and notes. Need-to-know is in every statement.
 */
export async function search({ actor, q, limit }: { actor: Actor; q: string; limit: number }): Promise<SearchResult> {
  authorize(actor, "case:list");
  const region = (await phoneRegionFor(null)) ?? null;
  const keys = readIdentifiers(q, region);
  const words = q.split(/\s+/).filter(Boolean);
  // A query that is only identifiers is not also searched as words: its pieces would match noise.
  const onlyIdentifiers = keys.length > 0 && words.length <= keys.length;
  const parts = await Promise.all([
    keys.length > 0 ? byIdentifier(actor, keys, limit) : { items: [], more: false },
    matchingCases(actor, q, words, limit),
    onlyIdentifiers ? { items: [], more: false } : matchingPersonas(actor, q, limit),
    onlyIdentifiers ? { items: [], more: false } : matchingEvidence(actor, q, words, limit),
    onlyIdentifiers ? { items: [], more: false } : matchingNotes(actor, q, limit),
  ]);
  // One line per thing: a persona found by an identifier and by its name shows once.
  const seen = new Set<string>();
  const items = parts
    .flatMap((p) => p.items)
    .filter((i) => {
      const key = `${i.kind}:${i.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { items, total: items.length, more: parts.some((p) => p.more), identifier: keys };
}
