/**
 * Generates the persona benchmark data set inside PostgreSQL (INSERT … SELECT over
 * generate_series, sent through postgres.js), so 2,000,000 rows take seconds, not minutes.
 *
 * Shape at scale 1: 200,000 personas, 1,000,000 identifiers, 2,000,000 persona-identifier links.
 * Every identifier has one owner (1,000,000 links, 5 per persona). Skew comes from the rest:
 * - a few large networks (20% of personas, sizes from 15,000 down to 200), each member also
 *   holding identifiers of its next 24 ring neighbours: 960,000 links, hubs with many holders;
 * - many small networks of 3 (30% of personas): 40,000 links;
 * - the other half are singletons.
 * Plus explicit links (confirmed inside networks and between singleton pairs, some rejected),
 * 2,000 cases holding 80% of personas, and a lead investigator who sees one case in ten.
 */
import type postgres from "postgres";
import { settleVisibilityMaps } from "./lib/vacuum";

export interface BenchShape {
  personas: number;
  identifiers: number;
  cases: number;
  large: { start: number; size: number }[];
  largeTotal: number;
  ring: number;
  small: { start: number; size: number };
}

const LARGE_SIZES = [15_000, 8_000, 5_000, 4_000, 3_000, 2_000, 1_500, 1_000, 300, 200];

export function shapeFor(scale: number): BenchShape {
  const personas = Math.round(200_000 * scale);
  let start = 1;
  const large = LARGE_SIZES.map((s) => Math.max(3, Math.round(s * scale))).map((size) => {
    const block = { start, size };
    start += size;
    return block;
  });
  const largeTotal = start - 1;
  const smallSize = Math.floor((personas * 0.3) / 3) * 3;
  return {
    personas,
    identifiers: personas * 5,
    cases: Math.max(10, Math.round(personas / 100)),
    large,
    largeTotal,
    ring: 24,
    small: { start, size: smallSize },
  };
}

export async function generate(
  sql: postgres.Sql,
  shape: BenchShape,
  log: (s: string) => void,
): Promise<{ lead: string; admin: string }> {
  const P = shape.personas;
  const t = () => performance.now();
  let at = t();
  const step = (what: string) => {
    log(`  ${what} (${((t() - at) / 1000).toFixed(1)} s)`);
    at = t();
  };
  const [lead] =
    await sql`insert into users (email, name, role, password_hash) values ('bench-lead@example.test', 'Bench Lead', 'investigator', 'x') returning id`;
  const [other] =
    await sql`insert into users (email, name, role, password_hash) values ('bench-other@example.test', 'Other Lead', 'investigator', 'x') returning id`;
  const [admin] =
    await sql`insert into users (email, name, role, password_hash) values ('bench-admin@example.test', 'Bench Admin', 'admin', 'x') returning id`;
  await sql`create temp table pmap (n int primary key, id uuid not null)`;
  await sql`insert into pmap select g, gen_random_uuid() from generate_series(1, ${P}::int) g`;
  await sql`insert into personas (id, display_name, aliases, status, risk_score)
            select id, 'Persona ' || n, array['alias-' || n], (array['suspected','confirmed','cleared','suspected']::persona_status[])[1 + n % 4], (n * 37) % 101 from pmap`;
  step(`${P} personas`);
  await sql`create temp table cmap (n int primary key, id uuid not null)`;
  await sql`insert into cmap select g, gen_random_uuid() from generate_series(1, ${shape.cases}::int) g`;
  await sql`insert into cases (id, ref, title, lead_id, opened_at)
            select id, 'CASE-2099-' || lpad(n::text, 6, '0'), 'Bench case ' || n, case when n % 10 = 0 then ${lead!.id}::uuid else ${other!.id}::uuid end, now() from cmap`;
  await sql`insert into case_personas (case_id, persona_id, role)
            select c.id, p.id, 'subject' from pmap p join cmap c on c.n = 1 + (p.n * 7919) % ${shape.cases} where p.n % 5 <> 0`;
  step(`${shape.cases} cases, personas attached`);
  await sql`create temp table imap (n int primary key, id uuid not null)`;
  await sql`insert into imap select g, gen_random_uuid() from generate_series(1, ${shape.identifiers}::int) g`;
  await sql`insert into identifiers (id, type, value, normalized_value, chain)
            select id, t.type, t.value, t.value, t.chain from imap,
            lateral (select case n % 4 when 0 then 'email' when 1 then 'phone' when 2 then 'crypto_wallet' else 'device' end::identifier_type as type,
                            case n % 4 when 0 then 'bench' || n || '@example.test' when 1 then '+1' || (2000000000 + n)::text
                                       when 2 then '0x' || lpad(to_hex(n), 40, '0') else 'SN' || lpad(n::text, 10, '0') end as value,
                            case when n % 4 = 2 then 'ethereum' end as chain) t`;
  step(`${shape.identifiers} identifiers`);
  // Own identifiers: identifier n belongs to persona ((n - 1) % P) + 1, so persona m owns m, m + P, m + 2P…
  await sql`insert into persona_identifiers (persona_id, identifier_id, confidence)
            select p.id, i.id, 50 + i.n % 50 from imap i join pmap p on p.n = ((i.n - 1) % ${P}) + 1`;
  step("owner links");
  for (const block of shape.large) {
    await sql`insert into persona_identifiers (persona_id, identifier_id, confidence)
              select p.id, i.id, 40 + s.j
              from generate_series(${block.start}::int, ${block.start + block.size - 1}::int) as g(x)
              cross join generate_series(1, ${shape.ring}::int) as s(j)
              join pmap p on p.n = g.x
              join imap i on i.n = (${block.start}::int + (g.x - ${block.start}::int + s.j) % ${block.size}::int) + ${P}::int * (s.j % 5)
              on conflict do nothing`;
  }
  step(`large networks (${shape.largeTotal} personas)`);
  await sql`insert into persona_identifiers (persona_id, identifier_id, confidence)
            select p.id, i.id, 70 from generate_series(${shape.small.start}::int, ${shape.small.start + shape.small.size - 1}::int) as g(x)
            join pmap p on p.n = g.x join imap i on i.n = g.x + 1
            where (g.x - ${shape.small.start}::int) % 3 <> 2`;
  step(`small networks (${shape.small.size} personas)`);
  const singles = shape.small.start + shape.small.size;
  await sql`insert into persona_links (from_persona_id, to_persona_id, relation, status, confidence)
            select a.id, b.id, 'associated', case when g.x % 10 = 0 then 'rejected' else 'confirmed' end::persona_link_status, 60
            from generate_series(${singles}::int, ${P - 1}::int, 10) as g(x) join pmap a on a.n = g.x join pmap b on b.n = g.x + 1`;
  for (const block of shape.large.filter((b) => b.size > 60)) {
    await sql`insert into persona_links (from_persona_id, to_persona_id, relation, confidence)
              select a.id, b.id, 'same_person', 80 from generate_series(${block.start}::int, ${block.start + block.size - 51}::int, 7) as g(x)
              join pmap a on a.n = g.x join pmap b on b.n = g.x + 50`;
  }
  step("explicit links");
  // Statistics and visibility maps, as a database that autovacuum has caught up with.
  await sql`vacuum (analyze)`;
  await settleVisibilityMaps(sql);
  step("vacuum and analyze");
  return { lead: lead!.id as string, admin: admin!.id as string };
}

/** Personas in the lead's cases or in no case (visible to the lead), spread over network kinds. */
export async function visiblePersonaSample(
  sql: postgres.Sql,
  shape: BenchShape,
  count: number,
  minN = 1,
): Promise<{ n: number; id: string }[]> {
  // Generated names are "Persona <n>", so the sample needs no session state and works on a kept database.
  return sql<{ n: number; id: string }[]>`
    select n, id from (select split_part(display_name, ' ', 2)::int as n, id from personas where display_name ~ '^Persona [0-9]+$') p
    where p.n >= ${minN} and (p.n % 5 = 0 or (1 + (p.n * 7919) % ${shape.cases}) % 10 = 0)
    order by (p.n * 2654435761::bigint) % 1000003 limit ${count}`;
}

export async function benchUsers(sql: postgres.Sql): Promise<{ lead: string; admin: string }> {
  const rows = await sql<
    { email: string; id: string }[]
  >`select email, id from users where email in ('bench-lead@example.test', 'bench-admin@example.test')`;
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return { lead: byEmail.get("bench-lead@example.test")!, admin: byEmail.get("bench-admin@example.test")! };
}
