import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db";
import {
  identifiers,
  nameKeyCounts,
  personaIdentifiers,
  personaLinks,
  personaNameKeys,
  personas,
  type IdentifierType,
} from "@/db/schema";
import type { Candidate, CandidateReason } from "@/lib/personas/candidate-views";
import { uuidArray } from "@/lib/sql";
import { nameKey } from "./names";
import { photoMatches } from "./photo-matches";
import { resumeMatches } from "./resume-matches";
import { bestNameMatch } from "./similarity";
import { hasTrigrams } from "./trigram";

/*
 * Possible matches for one persona: other personas that may be the same operator, scored 0-100
 * with the reasons. Run by the matching job (never in a request), in a fixed handful of indexed
 * queries, so it costs the same over 200 personas or 200,000: the persona's identifiers with their
 * holder counts and the other holders of the rarer ones; the personas whose stored name keys equal
 * or (pg_trgm, among the distinct keys) resemble this persona's, unless the name is a common one;
 * the personas whose résumé text shares a MinHash band or whose photos' difference hashes are a
 * few bits apart.
 * Only those few are read and compared. Pairs already linked, confirmed or rejected, are skipped.
 */

/** Below this a pair is noise, not a candidate. */
export const CANDIDATE_THRESHOLD = 25;
/**
 * At or above this a pair is likely one operator: the threshold the benchmark states its precision
 * and recall at. Many unrelated people share a name, so a name needs a second, independent piece
 * of evidence to reach it.
 */
export const LIKELY_MATCH = 40;
/** The most a pair scores on its names alone (with claimed employers and schools): still listed, below LIKELY_MATCH. */
export const NAME_ONLY_CAP = 35;
/**
 * Evidence beside the names weaker than this (combined) does not lift the cap: a laptop-farm
 * address held by a hundred personas is no second piece of evidence.
 */
export const SECOND_EVIDENCE = 0.2;
/** Said of a name reason whose pair the name-only cap holds down. */
export const CAPPED_NOTE = `; nothing else in common, so the pair scores at most ${NAME_ONLY_CAP}`;
// Reasons about the names and what a persona claims: anyone can share them.
export const NAME_KINDS: ReadonlySet<string> = new Set(["name", "alias", "employer", "education"]);
// An identifier held by more personas than this (a shared VPN exit, a laptop farm's address) names
// no one in particular: it is reported on the identifier, never turned into hundreds of candidates.
const MAX_HOLDERS = 500;
/**
 * A name key held by more personas than this is a common name: it weighs under a tenth
 * (sameName x rarity), so it brings no candidates of its own; it still counts between two
 * personas something else brought.
 */
export const COMMON_NAME = 200;
// The most personas the names bring, whatever their keys.
const MAX_NAME_BLOCK = 2_000;
/** Names at least this alike (trigram similarity of their keys) are compared. */
export const NAME_SIMILARITY = 0.5;

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

/**
 * The score of a pair's reasons: combined, but at most NAME_ONLY_CAP unless the reasons beside the
 * names (identifiers, résumé text, photos) together weigh at least SECOND_EVIDENCE.
 */
export function capNameOnly(list: readonly Pick<CandidateReason, "kind" | "weight">[]): number {
  const score = combine(list.map((r) => r.weight));
  const second = combine(list.filter((r) => !NAME_KINDS.has(r.kind)).map((r) => r.weight)) / 100;
  return second >= SECOND_EVIDENCE ? score : Math.min(score, NAME_ONLY_CAP);
}

const credentialNames = (list: unknown) =>
  Array.isArray(list)
    ? list
        .map((c: { name?: unknown }) => (typeof c?.name === "string" ? c.name.trim().toLowerCase() : ""))
        .filter(Boolean)
    : [];

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Name keys as a text[] parameter (keys are lower-case letters, digits and spaces: nothing to escape). */
const keyArray = (keys: readonly string[]) => sql`${`{${keys.map((k) => `"${k}"`).join(",")}}`}::text[]`;

type PersonaNames = {
  id: string;
  display_name: string;
  aliases: string[];
  claimed_employers: unknown;
  claimed_education: unknown;
};

/**
 * The personas whose name keys equal or resemble these keys and are not common names: similar keys
 * are found among the distinct names (name_key_counts, pg_trgm), then their holders by equal key (index
 * lookups, never a scan of every persona's names).
 */
async function nameBlock(runner: DbOrTx, personaId: string, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const similar = (await hasTrigrams(runner))
    ? sql.join(
        keys.map((k) => sql`(k.key % ${k} and similarity(k.key, ${k}) >= ${NAME_SIMILARITY})`),
        sql` or `,
      )
    : sql`false`;
  const rows = await queryRows<{ persona_id: string }>(
    runner,
    sql`select distinct nk.persona_id from ${nameKeyCounts} k join ${personaNameKeys} nk on nk.key = k.key
        where (k.key = any(${keyArray(keys)}) or ${similar}) and k.holders <= ${COMMON_NAME}
          and nk.persona_id <> ${personaId}
        limit ${MAX_NAME_BLOCK}`,
  );
  return rows.map((r) => r.persona_id);
}

/** What the scorer weighs; bench/matching.ts compares rule sets on labelled data in one run. */
export interface ScoringRules {
  /** The weight of one name written another way (equal keys), before its commonness is applied. */
  sameName: number;
  /** Whether near-copy résumé text is a reason. */
  resumes: boolean;
}
export const SCORING_RULES: ScoringRules = { sameName: 0.45, resumes: true };

/** The scored candidates of one persona, visible and hidden, before need-to-know is applied. */
export async function scoreCandidates(
  runner: DbOrTx,
  personaId: string,
  rules: ScoringRules = SCORING_RULES,
): Promise<Map<string, Candidate>> {
  const [me] = await queryRows<PersonaNames>(
    runner,
    sql`select id, display_name, aliases, claimed_employers, claimed_education from ${personas} where id = ${personaId}`,
  );
  if (!me) return new Map();
  const myNames = [me.display_name, ...me.aliases];
  const myKeys = [...new Set(myNames.map(nameKey).filter(Boolean))];
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
  const [sharers, named, resumes, photos, linked] = await Promise.all([
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
    nameBlock(runner, personaId, myKeys),
    rules.resumes ? resumeMatches(runner, personaId) : [],
    photoMatches(runner, personaId),
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
  for (const r of [...resumes, ...photos]) add(r.personaId, r.reason);

  // Only the personas something above brought in are read: their names, aliases and credentials.
  const ids = [...new Set([...named, ...reasons.keys()])].filter((id) => !excluded.has(id));
  const others = ids.length
    ? await queryRows<PersonaNames>(
        runner,
        sql`select id, display_name, aliases, claimed_employers, claimed_education from ${personas}
            where id = any(${uuidArray(ids)})`,
      )
    : [];
  // How common each name is: the personas holding its key (an index-only count), on both sides, so
  // a pair scores the same from either end (the job writes it from whichever end it scores).
  const theirKeys = [
    ...new Set([...myKeys, ...others.flatMap((o) => [o.display_name, ...o.aliases].map(nameKey))].filter(Boolean)),
  ];
  const keyCounts = new Map(
    theirKeys.length
      ? (
          await queryRows<{ key: string; n: number }>(
            runner,
            sql`select key, holders as n from ${nameKeyCounts} where key = any(${keyArray(theirKeys)})`,
          )
        ).map((r) => [r.key, r.n] as const)
      : [],
  );

  const myEmployers = new Set(credentialNames(me.claimed_employers));
  const myEducation = new Set(credentialNames(me.claimed_education));
  for (const o of others) {
    const best = bestNameMatch(myNames, [o.display_name, ...o.aliases]);
    if (best && best.score >= NAME_SIMILARITY) {
      const sameKey = nameKey(best.mine) === nameKey(best.theirs);
      // Both keys are held by at least the two personas of the pair once both are scored.
      const common = Math.max(2, keyCounts.get(nameKey(best.theirs)) ?? 1, keyCounts.get(nameKey(best.mine)) ?? 1);
      // A one-part name ("Kim") is no name at all for matching.
      const parts = nameKey(best.theirs).split(" ").length;
      const base = parts < 2 ? 0.1 : sameKey ? rules.sameName : rules.sameName * (best.score - 0.3);
      const weight = base * rarity(common);
      const alias = best.mine !== me.display_name || best.theirs !== o.display_name;
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
    const employers = credentialNames(o.claimed_employers).filter((e) => myEmployers.has(e));
    const education = credentialNames(o.claimed_education).filter((e) => myEducation.has(e));
    for (const e of employers)
      add(o.id, { kind: "employer", detail: `Both claim to have worked at ${e}`, weight: 0.15, mine: e, theirs: e });
    for (const e of education)
      add(o.id, { kind: "education", detail: `Both claim to have studied at ${e}`, weight: 0.1, mine: e, theirs: e });
  }

  const names = new Map(others.map((o) => [o.id, o.display_name]));
  const out = new Map<string, Candidate>();
  for (const [id, list] of reasons) {
    const score = capNameOnly(list);
    if (score < CANDIDATE_THRESHOLD) continue;
    list.sort((a, b) => b.weight - a.weight);
    const name = list.find((r) => r.kind === "name" || r.kind === "alias");
    if (name && score < combine(list.map((r) => r.weight))) name.detail += CAPPED_NOTE;
    out.set(id, { persona: { id, displayName: names.get(id) ?? "" }, score, reasons: list });
  }
  return out;
}
