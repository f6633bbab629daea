import { sql } from "drizzle-orm";
import { db, queryRows, type DbOrTx } from "@/db";
import { identifiers, personaIdentifiers, personaLinks, personas, type IdentifierType } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { nameKey } from "@/lib/matching/names";
import { bestNameMatch } from "@/lib/matching/similarity";
import { uuidArray } from "@/lib/sql";
import { loadPersona, personaVisibleTo } from "./access";
import type { Candidate, CandidateList, CandidateReason } from "./candidate-views";

/*
 * Possible matches for one persona: other personas that may be the same operator, scored 0-100
 * with the reasons. Computed on read (no background job yet), in a fixed handful of queries:
 * the persona's identifiers with their holder counts, the other holders of the rarer ones, and the
 * names of every other persona (the name part is a scan until name keys are stored and indexed).
 * Pairs already linked, confirmed or rejected, never come back.
 */

/** Below this a pair is noise, not a candidate. */
export const CANDIDATE_THRESHOLD = 25;
const MAX_CANDIDATES = 50;
// An identifier held by more personas than this (a shared VPN exit, a laptop farm's address) names
// no one in particular: it is reported on the identifier, never turned into hundreds of candidates.
const MAX_HOLDERS = 500;

// How much one shared identifier of a type says when only two personas hold it.
const TYPE_WEIGHT: Partial<Record<IdentifierType, number>> = {
  email: 0.8,
  phone: 0.75,
  crypto_wallet: 0.8,
  bank_account: 0.8,
  payment_account: 0.75,
  freelance_account: 0.75,
  government_id: 0.85,
  resume_hash: 0.8,
  photo_hash: 0.7,
  social_handle: 0.6,
  device: 0.6,
  remote_access_id: 0.6,
  postal_address: 0.45,
  domain: 0.4,
  ip: 0.3,
};

/** 1 for an identifier two personas hold, falling with each holder: 900 holders weigh about 1/6. */
export const rarity = (holders: number) => Math.min(1, Math.log2(3) / Math.log2(Math.max(2, holders) + 1));

/** Independent pieces of evidence combined: 1 - Π(1 - w), as 0-100. */
export const combine = (weights: readonly number[]) =>
  Math.round(100 * (1 - weights.reduce((left, w) => left * (1 - Math.min(0.99, Math.max(0, w))), 1)));

interface Other {
  id: string;
  displayName: string;
  aliases: string[];
  employers: string[];
  education: string[];
}

const credentialNames = (list: unknown) =>
  Array.isArray(list)
    ? list
        .map((c: { name?: unknown }) => (typeof c?.name === "string" ? c.name.trim().toLowerCase() : ""))
        .filter(Boolean)
    : [];

/** The scored candidates of one persona, visible and hidden, before need-to-know is applied. */
export async function scoreCandidates(runner: DbOrTx, personaId: string): Promise<Map<string, Candidate>> {
  const [me] = await queryRows<{
    display_name: string;
    aliases: string[];
    claimed_employers: unknown;
    claimed_education: unknown;
  }>(
    runner,
    sql`select display_name, aliases, claimed_employers, claimed_education from ${personas} where id = ${personaId}`,
  );
  if (!me) return new Map();
  const held = await queryRows<{
    identifier_id: string;
    type: IdentifierType;
    value: string;
    my_value: string | null;
    holders: number;
  }>(
    runner,
    sql`select mine.identifier_id, i.type, i.value, mine.value as my_value,
          (select count(*)::int from ${personaIdentifiers} h where h.identifier_id = mine.identifier_id) as holders
        from ${personaIdentifiers} mine join ${identifiers} i on i.id = mine.identifier_id
        where mine.persona_id = ${personaId}`,
  );
  const rare = held.filter((h) => h.holders > 1 && h.holders <= MAX_HOLDERS);
  const [sharers, others, linked] = await Promise.all([
    rare.length
      ? queryRows<{
          persona_id: string;
          identifier_id: string;
          value: string | null;
          source_evidence_id: string | null;
        }>(
          runner,
          sql`select persona_id, identifier_id, value, source_evidence_id from ${personaIdentifiers}
              where identifier_id = any(${uuidArray(rare.map((h) => h.identifier_id))}) and persona_id <> ${personaId}`,
        )
      : [],
    queryRows<{
      id: string;
      display_name: string;
      aliases: string[];
      claimed_employers: unknown;
      claimed_education: unknown;
    }>(
      runner,
      sql`select id, display_name, aliases, claimed_employers, claimed_education from ${personas} where id <> ${personaId}`,
    ),
    queryRows<{ other: string }>(
      runner,
      sql`select case when from_persona_id = ${personaId} then to_persona_id else from_persona_id end as other
          from ${personaLinks} where from_persona_id = ${personaId} or to_persona_id = ${personaId}`,
    ),
  ]);
  const excluded = new Set(linked.map((l) => l.other));
  const reasons = new Map<string, CandidateReason[]>();
  const add = (id: string, reason: CandidateReason) => {
    if (excluded.has(id)) return;
    reasons.set(id, [...(reasons.get(id) ?? []), reason]);
  };

  const byId = new Map(held.map((h) => [h.identifier_id, h]));
  for (const s of sharers) {
    const h = byId.get(s.identifier_id)!;
    const mine = h.my_value ?? h.value;
    const theirs = s.value ?? h.value;
    const weight = (TYPE_WEIGHT[h.type] ?? 0.5) * rarity(h.holders);
    const holders = `held by ${h.holders} personas`;
    const kind =
      h.type === "email" && mine !== theirs ? "email_key" : h.type === "phone" ? "phone" : "shared_identifier";
    const detail =
      kind === "email_key"
        ? `Same mailbox written two ways: ${mine} and ${theirs} (${holders})`
        : mine !== theirs
          ? `Same ${h.type.replace(/_/g, " ")} written two ways: ${mine} and ${theirs} (${holders})`
          : `Shared ${h.type.replace(/_/g, " ")} ${mine} (${holders})`;
    add(s.persona_id, {
      kind,
      detail,
      weight: round(weight),
      mine,
      theirs,
      ...(s.source_evidence_id ? { evidenceIds: [s.source_evidence_id] } : {}),
    });
  }

  // Names: how alike, and how common (a name key many personas share says little on its own).
  const myNames = [me.display_name, ...me.aliases];
  const keyCounts = new Map<string, number>();
  const parsed: Other[] = others.map((o) => ({
    id: o.id,
    displayName: o.display_name,
    aliases: o.aliases,
    employers: credentialNames(o.claimed_employers),
    education: credentialNames(o.claimed_education),
  }));
  for (const o of parsed) {
    const k = nameKey(o.displayName);
    if (k) keyCounts.set(k, (keyCounts.get(k) ?? 0) + 1);
  }
  const myEmployers = new Set(credentialNames(me.claimed_employers));
  const myEducation = new Set(credentialNames(me.claimed_education));
  for (const o of parsed) {
    const best = bestNameMatch(myNames, [o.displayName, ...o.aliases]);
    if (best && best.score >= 0.5) {
      const sameKey = nameKey(best.mine) === nameKey(best.theirs);
      const common = keyCounts.get(nameKey(best.theirs)) ?? 1;
      // A one-part name ("Kim") is no name at all for matching.
      const parts = nameKey(best.theirs).split(" ").length;
      const base = parts < 2 ? 0.1 : sameKey ? 0.45 : 0.45 * (best.score - 0.3);
      const weight = base * rarity(common + 1);
      const alias = best.mine !== me.display_name || best.theirs !== o.displayName;
      add(o.id, {
        kind: alias ? "alias" : "name",
        detail: sameKey
          ? `${best.theirs} is ${best.mine} written another way`
          : `${best.theirs} resembles ${best.mine} (similarity ${best.score.toFixed(2)})`,
        weight: round(weight),
        mine: best.mine,
        theirs: best.theirs,
      });
    }
    if (!reasons.has(o.id)) continue;
    // Employers and schools only add to a pair something else brought: on their own they are common.
    for (const e of o.employers.filter((e) => myEmployers.has(e)))
      add(o.id, { kind: "employer", detail: `Both claim to have worked at ${e}`, weight: 0.15, mine: e, theirs: e });
    for (const e of o.education.filter((e) => myEducation.has(e)))
      add(o.id, { kind: "education", detail: `Both claim to have studied at ${e}`, weight: 0.1, mine: e, theirs: e });
  }

  const names = new Map(parsed.map((o) => [o.id, o.displayName]));
  const out = new Map<string, Candidate>();
  for (const [id, list] of reasons) {
    const score = combine(list.map((r) => r.weight));
    if (score < CANDIDATE_THRESHOLD) continue;
    list.sort((a, b) => b.weight - a.weight);
    out.set(id, { persona: { id, displayName: names.get(id) ?? "" }, score, reasons: list });
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** GET /api/personas/{id}/candidates: the candidates the reader may see, and a count of the others. */
export async function listCandidates({
  actor,
  personaId,
}: {
  actor: Actor;
  personaId: string;
}): Promise<CandidateList> {
  await loadPersona(db, actor, personaId);
  const all = await scoreCandidates(db, personaId);
  if (all.size === 0) return { items: [], hiddenCount: 0 };
  const visible = personaVisibleTo(actor, personas.id, { perRow: true }) ?? sql`true`;
  const seen = await queryRows<{ id: string }>(
    db,
    sql`select id from ${personas} where id = any(${uuidArray(all.keys())}) and ${visible}`,
  );
  const items = seen
    .map((r) => all.get(r.id)!)
    .sort((a, b) => b.score - a.score || a.persona.displayName.localeCompare(b.persona.displayName))
    .slice(0, MAX_CANDIDATES);
  return { items, hiddenCount: all.size - seen.length };
}
