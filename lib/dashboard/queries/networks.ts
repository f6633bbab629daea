import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { casePersonas, identifiers, type IdentifierType, personaIdentifiers, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { latest } from "@/lib/graph/cache";
import { computeNetworks } from "@/lib/graph/networks";
import { logger } from "@/lib/logger";
import { personaVisibleTo } from "@/lib/personas/access";
import { uuidArray } from "@/lib/sql";
import type { PersonaNetwork } from "../views";
import { caseInScope, type Scope } from "../scope";

type Computed = Awaited<ReturnType<typeof computeNetworks>>;
type SharedTypes = PersonaNetwork["sharedIdentifierTypes"];

const SHOWN = 5;
const SAMPLE = 3;
// Networks come largest first: try the first few, then widen, and stop after this many (a
// filter that excludes all of them leaves only small networks, hardly "the largest").
const MAX_CANDIDATES = 400;

const intArray = (values: number[]) => sql`${`{${values.join(",")}}`}::int[]`;

/**
 * The dashboard never waits for the networks beyond a short first wait: it answers from the last
 * computed graph (shared with the networks list, lib/graph/cache.ts), recomputed in the background
 * once it is five minutes old or the graph changed. The answer says how old it is.
 */
const FRESH_MS = 5 * 60_000;

function graphFor(actor: Actor, key: string, waitMs: number): Promise<Computed | null> {
  return latest(key, () => computeNetworks(actor), { maxAgeMs: FRESH_MS, waitMs }).catch((err: unknown) => {
    logger.error({ err }, "computing persona networks for the dashboard failed");
    return null;
  });
}

/** Members of networks [from, to) as parallel arrays of persona id and network index. */
function membersOf(computed: Computed, from: number, to: number) {
  const ids: string[] = [];
  const nets: number[] = [];
  computed.networkOf.forEach((k, i) => {
    if (k >= from && k < to) {
      ids.push(computed.ids[i]!);
      nets.push(k);
    }
  });
  return { ids, nets };
}

/**
 * What a network's members share depends only on the network, not on the dashboard's filters,
 * so it is kept beside the computed networks and goes when the graph cache lets them go.
 */
const sharedMemo = new WeakMap<Computed, Map<number, SharedTypes>>();

async function sharedTypes(computed: Computed, nets: number[]): Promise<Map<number, SharedTypes>> {
  const memo = sharedMemo.get(computed) ?? new Map<number, SharedTypes>();
  sharedMemo.set(computed, memo);
  const missing = nets.filter((k) => !memo.has(k));
  if (missing.length > 0) {
    const m = membersOf(computed, Math.min(...missing), Math.max(...missing) + 1);
    const keep = new Set(missing);
    const ids = m.ids.filter((_, j) => keep.has(m.nets[j]!));
    const of = m.nets.filter((k) => keep.has(k));
    const rows = await queryRows<{ net: number; type: IdentifierType; count: number }>(
      db,
      sql`select net, type, count(*)::int as count from (
            select m.net, ${identifiers.type} as type, ${personaIdentifiers.identifierId}
            from unnest(${uuidArray(ids)}, ${intArray(of)}) as m(persona_id, net)
            join ${personaIdentifiers} on ${personaIdentifiers.personaId} = m.persona_id
            join ${identifiers} on ${identifiers.id} = ${personaIdentifiers.identifierId}
            group by m.net, ${identifiers.type}, ${personaIdentifiers.identifierId}
            having count(*) > 1
          ) s
          group by net, type order by net, count desc, type`,
    );
    for (const k of missing)
      memo.set(
        k,
        rows.filter((r) => r.net === k).map(({ type, count }) => ({ type, count })),
      );
  }
  return memo;
}

/** How many cases in scope name a member, per network of [from, to); networks reaching none are absent. */
async function reachOf(computed: Computed, scope: Scope, from: number, to: number) {
  const { ids, nets } = membersOf(computed, from, to);
  if (ids.length === 0) return [];
  return queryRows<{ net: number; cases: number }>(
    db,
    sql`select m.net, count(distinct ${casePersonas.caseId})::int as cases
        from unnest(${uuidArray(ids)}, ${intArray(nets)}) as m(persona_id, net)
        join ${casePersonas} on ${casePersonas.personaId} = m.persona_id
        where ${caseInScope(casePersonas.caseId, scope)}
        group by m.net order by m.net`,
  );
}

/**
 * The largest persona networks that reach the cases in scope. The networks themselves come from
 * the graph's computeNetworks (connected components over the personas the actor may see); this
 * adds, in SQL, how many cases in scope name a member and which
 * identifier types the members share most.
 */
export async function largestNetworks(
  actor: Actor,
  scope: Scope,
  waitMs: number,
): Promise<{ items: PersonaNetwork[]; asOf: string | null }> {
  const computed = await graphFor(actor, scope.visibilityKey, waitMs);
  if (!computed) return { items: [], asOf: null };
  // Which networks and their counts belong to the graph they were drawn from: worked out once per
  // set of filters, and dropped with that graph when the next one replaces it.
  const memo = figureMemo.get(computed) ?? new Map<string, Promise<Chosen[]>>();
  figureMemo.set(computed, memo);
  let figure = memo.get(scope.filterKey);
  if (!figure) {
    if (memo.size >= 100) memo.delete(memo.keys().next().value!);
    figure = chooseNetworks(computed, scope);
    memo.set(scope.filterKey, figure);
    figure.catch(() => memo.delete(scope.filterKey));
  }
  const chosen = await figure;
  // Names are read on every request, with the access the actor has now: someone removed from a
  // case stops seeing its personas' names at once, not when the graph is next recomputed.
  const samples = chosen.flatMap((c) => c.sample);
  const names =
    samples.length === 0
      ? []
      : await queryRows<{ id: string; display_name: string }>(
          db,
          sql`select id::text as id, ${personas.displayName} as display_name from ${personas} where id = any(${uuidArray(samples)}) and ${personaVisibleTo(actor) ?? sql`true`}`,
        );
  const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
  return {
    asOf: computed.computedAt,
    items: chosen.map(({ sample, ...network }) => ({
      ...network,
      samplePersonas: sample.filter((id) => nameOf.has(id)).map((id) => ({ id, displayName: nameOf.get(id)! })),
    })),
  };
}

/** A network chosen for the dashboard, with the ids of its most connected members (names come later). */
type Chosen = Omit<PersonaNetwork, "samplePersonas"> & { sample: string[] };
const figureMemo = new WeakMap<Computed, Map<string, Promise<Chosen[]>>>();

async function chooseNetworks(computed: Computed, scope: Scope): Promise<Chosen[]> {
  const total = Math.min(MAX_CANDIDATES, computed.networks.length);
  const reach: { net: number; cases: number }[] = [];
  for (let from = 0, batch = SHOWN; from < total && reach.length < SHOWN; from += batch, batch *= 4) {
    reach.push(...(await reachOf(computed, scope, from, Math.min(total, from + batch))));
  }
  const chosen = reach.slice(0, SHOWN);
  if (chosen.length === 0) return [];
  const shared = await sharedTypes(
    computed,
    chosen.map((r) => r.net),
  );
  return chosen.map((r) => {
    const n = computed.networks[r.net]!;
    return {
      personas: n.size,
      cases: r.cases,
      sample: n.top.slice(0, SAMPLE).map((i) => computed.ids[i]!),
      sharedIdentifierTypes: shared.get(r.net) ?? [],
    };
  });
}
