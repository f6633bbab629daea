import postgres from "postgres";
const sql = postgres("postgres://postgres@127.0.0.1:5432/casework_bench_personas_1795470142669", { max: 4, onnotice: () => {} });
async function t<T>(label: string, f: () => Promise<T>): Promise<T> { const s = performance.now(); const r = await f(); console.log(label, Math.round(performance.now() - s), "ms"); return r; }
async function main() {
  for (const wm of ["4MB", "64MB"]) {
    await t(`packed uuids wm=${wm}`, () => sql.begin(async (tx) => {
      await tx.unsafe(`set local work_mem = '${wm}'`);
      const [row] = await tx`select string_agg(grp, ';') as packed from (select string_agg(persona_id::text, ' ') as grp from persona_identifiers group by identifier_id having count(*) > 1) s`;
      return (row!.packed as string).length;
    }));
    await t(`numbered wm=${wm}`, () => sql.begin(async (tx) => {
      await tx.unsafe(`set local work_mem = '${wm}'`);
      const [row] = await tx`with p as (select id, (row_number() over (order by id))::int - 1 as n from personas)
        select string_agg(grp, ';') as packed from (select string_agg(p.n::text, ' ') as grp from persona_identifiers pi join p on p.id = pi.persona_id group by pi.identifier_id having count(*) > 1) s`;
      return (row!.packed as string).length;
    }));
  }
  await sql.end();
}
void main();
