/** The measurements of bench/personas.ts: each app call next to the raw SQL at its core. */
import { randomInt } from "node:crypto";
import type postgres from "postgres";
import type { Actor } from "@/lib/auth/actor";
import { buildGraph } from "@/lib/graph/build";
import { computeNetworks } from "@/lib/graph/networks";
import { screenIdentifiers } from "@/lib/graph/screen";
import { addIdentifier } from "@/lib/personas/add-identifier";
import { listPersonas } from "@/lib/personas/list-personas";
import { db } from "@/db";
import type { BenchShape } from "./personas-data";

type Timer = <T>(fn: () => Promise<T>, out: number[]) => Promise<T>;
interface Input {
  raw: postgres.Sql;
  shape: BenchShape;
  sample: { n: number; id: string }[];
  adders: { n: number; id: string }[];
  lead: Actor;
  admin: Actor;
  time: Timer;
}

/** An email owned by a persona in a large network, so adding it always finds several holders. */
const sharedEmail = (shape: BenchShape, i: number) => {
  const m = 4 * (1 + ((i * 97) % Math.floor(shape.largeTotal / 4)));
  return `bench${m}@example.test`;
};

const visibleSql = (
  raw: postgres.Sql | postgres.TransactionSql,
  lead: string,
) => raw`(not exists (select 1 from case_personas cp where cp.persona_id = p.id)
  or exists (select 1 from case_personas cp join cases c on c.id = cp.case_id where cp.persona_id = p.id
             and (c.lead_id = ${lead} or exists (select 1 from case_members m where m.case_id = c.id and m.user_id = ${lead}))))`;

async function addIdentifierRows({ raw, shape, adders: sample, lead, time }: Input) {
  const lib: number[] = [];
  const rawTimes: number[] = [];
  // A different slice of emails each run, so a kept database can be measured again.
  const salt = randomInt(0, 100_000);
  for (let i = 0; i < 200; i++) {
    const persona = sample[i]!;
    await time(
      () =>
        addIdentifier({
          actor: lead,
          personaId: persona.id,
          input: { type: "email", value: sharedEmail(shape, i + salt).toUpperCase(), confidence: 60 },
        }),
      lib,
    );
  }
  const conn = await raw.reserve();
  try {
    for (let i = 0; i < 200; i++) {
      const persona = sample[200 + i]!;
      const value = sharedEmail(shape, i + 1000);
      await time(async () => {
        await conn`begin`;
        const [ident] =
          await conn`insert into identifiers (type, value, normalized_value) values ('email', ${value}, ${value})
          on conflict (type, normalized_value) do update set type = excluded.type returning id`;
        await conn`insert into persona_identifiers (persona_id, identifier_id, confidence) values (${persona.id}, ${ident!.id}, 60)`;
        await conn`select pi.persona_id, p.display_name, ${visibleSql(conn, lead.id)} as visible
          from persona_identifiers pi join personas p on p.id = pi.persona_id where pi.identifier_id = ${ident!.id} and pi.persona_id <> ${persona.id}`;
        await conn`rollback`;
      }, rawTimes);
    }
  } finally {
    conn.release();
  }
  return { name: "add identifier + matches", target: "p95 ≤ 20 ms", lib, raw: rawTimes };
}

async function depthTwoRows({ raw, sample, lead, time }: Input) {
  const lib: number[] = [];
  const rawTimes: number[] = [];
  let nodes = 0;
  for (let i = 0; i < 100; i++) {
    const seed = sample[i]!.id;
    const view = await time(() => buildGraph(db, lead, [seed], { depth: 2 }), lib);
    nodes = Math.max(nodes, view.nodes.length);
    await time(
      () => raw`with d1 as (
          select distinct b.persona_id from persona_identifiers a join persona_identifiers b on b.identifier_id = a.identifier_id where a.persona_id = ${seed}
          union select to_persona_id from persona_links where from_persona_id = ${seed} and status = 'confirmed'
          union select from_persona_id from persona_links where to_persona_id = ${seed} and status = 'confirmed')
        select count(distinct b.persona_id) from d1 join persona_identifiers a on a.persona_id = d1.persona_id
        join persona_identifiers b on b.identifier_id = a.identifier_id`,
      rawTimes,
    );
  }
  return { name: `depth-2 neighbourhood (largest ${nodes} nodes)`, target: "p95 ≤ 100 ms", lib, raw: rawTimes };
}

async function screeningRows({ raw, shape, lead, time }: Input) {
  const lib: number[] = [];
  const rawTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const rows = Array.from({ length: 10_000 }, (_v, i) => {
      if (i % 10 < 3) {
        const n = randomInt(1, shape.identifiers / 4) * 4;
        return { type: "email", value: `Bench${n}@Example.test` };
      }
      return { type: "email", value: `applicant-${run}-${i}@example.test` };
    });
    await time(() => screenIdentifiers({ actor: lead, input: { identifiers: rows } }), lib);
    const keys = rows.map((r, k) => ({ k, type: r.type, value: r.value.toLowerCase() }));
    await time(
      () => raw`select q.k, i.id, pi.persona_id from jsonb_to_recordset(${raw.json(keys)}::jsonb) as q(k int, type identifier_type, value text)
        join identifiers i on i.type = q.type and i.normalized_value = q.value join persona_identifiers pi on pi.identifier_id = i.id`,
      rawTimes,
    );
  }
  return { name: "screen 10,000 identifiers", target: "≤ 2 s", lib, raw: rawTimes };
}

async function networkRows({ raw, lead, admin, time }: Input, actor: Actor, label: string) {
  const lib: number[] = [];
  const rawTimes: number[] = [];
  let summary = "";
  for (let run = 0; run < 3; run++) {
    const result = await time(() => computeNetworks(actor), lib);
    summary = `${result.networks.length} networks, largest ${result.networks[0]?.size ?? 0}`;
    // The same statements computeNetworks sends, without the app around them.
    await time(
      () =>
        raw.begin("isolation level repeatable read read only", async (tx) => {
          await tx`set local work_mem = '64MB'`;
          const where = actor.role === "admin" ? tx`` : tx`where ${visibleSql(tx, lead.id)}`;
          await tx`select p.id::text, p.risk_score from personas p ${where} order by p.id`;
          await tx`with v as (select p.id from personas p ${where}), n as (select id, (row_number() over (order by id))::int - 1 as n from v)
            select string_agg(grp, ';') from (select string_agg(n.n::text, ' ') as grp from persona_identifiers pi join n on n.id = pi.persona_id
            group by pi.identifier_id having count(*) > 1) s`;
          await tx`select from_persona_id, to_persona_id from persona_links where status = 'confirmed'`;
        }),
      rawTimes,
    );
  }
  void admin;
  return { name: `networks, ${label} (${summary})`, target: "≤ 10 s", lib, raw: rawTimes };
}

async function listRows({ raw, lead, time }: Input) {
  const lib: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const q = i % 2 ? { q: `Persona ${1000 + i}` } : { page: 1 + i };
    await time(() => listPersonas({ actor: lead, query: q }), lib);
    await time(
      () => raw`select p.id from personas p where ${visibleSql(raw, lead.id)} order by p.updated_at desc limit 25`,
      rawTimes,
    );
  }
  return { name: "persona list page (search or page)", target: "(no target)", lib, raw: rawTimes };
}

export async function measureAll(input: Input) {
  const rows = [];
  console.log("measuring add identifier…");
  rows.push(await addIdentifierRows(input));
  console.log("measuring depth-2 graphs…");
  rows.push(await depthTwoRows(input));
  console.log("measuring screening…");
  rows.push(await screeningRows(input));
  console.log("measuring networks…");
  rows.push(await networkRows(input, input.lead, "investigator"));
  rows.push(await networkRows(input, input.admin, "admin, every persona"));
  rows.push(await listRows(input));
  return rows;
}
