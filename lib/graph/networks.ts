import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { personaIdentifiers, personaLinks, personas, type PersonaStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { parseOrThrow } from "@/lib/errors";
import { personaVisibleTo } from "@/lib/personas/access";
import { uuidArray } from "@/lib/sql";
import { cached, visibilityKey } from "./cache";
import { type NetworksQuery, networksQuerySchema } from "./schema";
import { UnionFind } from "./union-find";
import type { NetworkList } from "./views";

const TOP_MEMBERS = 5;

interface Network {
  id: string;
  size: number;
  maxRisk: number;
  top: number[];
}
interface Computed {
  ids: string[];
  index: Map<string, number>;
  networks: Network[];
  networkOf: Int32Array;
  computedAt: string;
}

/**
 * Connected components over the personas the actor may see, joined by shared identifiers and by
 * confirmed explicit links, with an in-memory union-find. Two things keep it fast at millions of
 * links: PostgreSQL numbers the visible personas 0..n-1 (so groups travel as small integers, not
 * uuids) and packs every identifier held by two or more of them into one text value; both queries
 * read one repeatable-read snapshot, so the numbering is the same in each. A hidden persona is never
 * a bridge: it has no number, so it joins nothing.
 */
export async function computeNetworks(actor: Actor): Promise<Computed> {
  const visible = personaVisibleTo(actor, personas.id, { many: true });
  const numbered = sql`select ${personas.id} as id, ${personas.riskScore} as risk_score from ${personas}${visible ? sql` where ${visible}` : sql``}`;
  const { people, packed, links } = await db.transaction(
    async (tx) => {
      // The grouping hashes about a million identifiers; the default work_mem would spill it to disk.
      await tx.execute(sql`set local work_mem = '64MB'`);
      const people = await queryRows<{ id: string; risk_score: number }>(
        tx,
        sql`select v.id::text as id, v.risk_score from (${numbered}) v order by v.id`,
      );
      const [groups] = await queryRows<{ packed: string | null }>(
        tx,
        sql`with p as (select id, (row_number() over (order by id))::int - 1 as n from (${numbered}) v)
            select string_agg(grp, ';') as packed from (
              select string_agg(p.n::text, ' ') as grp from ${personaIdentifiers} pi join p on p.id = pi.persona_id
              group by pi.identifier_id having count(*) > 1) s`,
      );
      const links = await queryRows<{ a: string; b: string }>(
        tx,
        sql`select from_persona_id::text as a, to_persona_id::text as b from ${personaLinks} where status = 'confirmed'`,
      );
      return { people, packed: groups?.packed ?? "", links };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const ids = people.map((p) => p.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const uf = new UnionFind(ids.length);
  if (packed) {
    for (const group of packed.split(";")) {
      const members = group.split(" ");
      const first = Number(members[0]);
      for (let k = 1; k < members.length; k++) uf.union(first, Number(members[k]));
    }
  }
  for (const { a, b } of links) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined) uf.union(i, j);
  }
  const byRoot = new Map<number, Network>();
  const networkOf = new Int32Array(ids.length).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    if (uf.sizeOf(i) < 2) continue;
    const root = uf.find(i);
    let n = byRoot.get(root);
    if (!n) byRoot.set(root, (n = { id: ids[i]!, size: 0, maxRisk: 0, top: [] }));
    n.size++;
    const risk = people[i]!.risk_score;
    n.maxRisk = Math.max(n.maxRisk, risk);
    if (ids[i]! < n.id) n.id = ids[i]!;
    n.top.push(i);
    if (n.top.length > TOP_MEMBERS) {
      n.top.sort((x, y) => people[y]!.risk_score - people[x]!.risk_score);
      n.top.length = TOP_MEMBERS;
    }
  }
  const networks = [...byRoot.entries()]
    .map(([root, n]) => ({ root, n }))
    .sort((x, y) => y.n.size - x.n.size || y.n.maxRisk - x.n.maxRisk || (x.n.id < y.n.id ? -1 : 1));
  const position = new Map(networks.map(({ root }, k) => [root, k]));
  for (let i = 0; i < ids.length; i++) if (uf.sizeOf(i) >= 2) networkOf[i] = position.get(uf.find(i))!;
  for (const { n } of networks)
    n.top.sort((x, y) => people[y]!.risk_score - people[x]!.risk_score || (ids[x]! < ids[y]! ? -1 : 1));
  return { ids, index, networks: networks.map(({ n }) => n), networkOf, computedAt: new Date().toISOString() };
}

/** Networks by size (largest first), or the one network holding `personaId`. */
export async function listNetworks({ actor, query }: { actor: Actor; query: NetworksQuery }): Promise<NetworkList> {
  authorize(actor, "persona:read");
  const f = parseOrThrow(networksQuerySchema, query, "Invalid networks query");
  const computed = await cached(visibilityKey(actor), () => computeNetworks(actor));
  let chosen = computed.networks.filter((n) => n.size >= f.minSize);
  if (f.personaId) {
    const i = computed.index.get(f.personaId);
    const k = i === undefined ? -1 : computed.networkOf[i]!;
    chosen = k >= 0 && computed.networks[k]!.size >= f.minSize ? [computed.networks[k]!] : [];
  }
  const page = chosen.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  const memberIds = page.flatMap((n) => n.top.map((i) => computed.ids[i]!));
  const rows =
    memberIds.length === 0
      ? []
      : await queryRows<{ id: string; display_name: string; status: PersonaStatus; risk_score: number }>(
          db,
          // Filtered again at read time: access lost since the networks were computed hides the names.
          sql`select id, display_name, status, risk_score from ${personas} where id = any(${uuidArray(memberIds)}) and ${personaVisibleTo(actor) ?? sql`true`}`,
        );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: page.map((n) => ({
      id: n.id,
      size: n.size,
      maxRisk: n.maxRisk,
      members: n.top
        .map((i) => byId.get(computed.ids[i]!))
        .filter((r) => r !== undefined)
        .map((r) => ({ id: r.id, displayName: r.display_name, status: r.status, riskScore: r.risk_score })),
    })),
    total: chosen.length,
    personasInNetworks: chosen.reduce((sum, n) => sum + n.size, 0),
    page: f.page,
    pageSize: f.pageSize,
    computedAt: computed.computedAt,
  };
}
