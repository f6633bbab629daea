/**
 * Global search over many evidence texts: GET /api/search (without HTTP) for an investigator who
 * sees one case in ten, beside the case list's own search (GET /api/cases?q=) in the same run.
 *
 *   DATABASE_URL=postgres://… TEXTS=500000 npm run bench:search
 *   npm run bench:search             (in-memory embedded database, TEXTS=20000 by default)
 *
 * Makes CASES cases (default 500), TEXTS evidence items of one page of about 80 words each spread
 * over them (one in a thousand also naming a rare word and a wallet), then times, interleaved,
 * searches for a common word, a rare word, two words, a pasted wallet and a persona's name.
 * Target from the issue: p95 <= 100 ms with 500,000 evidence texts.
 */
import fs from "node:fs";
import path from "node:path";

process.env.DATABASE_URL ??= "memory://";
process.env.LOG_LEVEL ??= "warn";
const ownDataDir = process.env.DATA_DIR
  ? null
  : fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "casework-bench-search-"));
process.env.DATA_DIR ??= ownDataDir!;

const embedded = process.env.DATABASE_URL.startsWith("memory:") || !process.env.DATABASE_URL.startsWith("postgres");
const TEXTS = Number(process.env.TEXTS ?? (embedded ? 20_000 : 500_000));
const CASES = Number(process.env.CASES ?? 500);
const RUNS = Number(process.env.RUNS ?? 30);

const WORDS =
  "engineer solidity contract wallet payroll laptop shipping address interview blockchain backend react node python team lead audit bridge lending protocol token deploy review remote contractor invoice bank transfer senior developer vendor offer letter salary equipment".split(
    " ",
  );

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const { ready, closeDb, db, sql } = await import("@/db");
  const { describeDatabase } = await import("../scripts/support/database");
  const { randomBytes } = await import("node:crypto");
  const { createUser } = await import("@/lib/users/users");
  const { createCase } = await import("@/lib/cases/create-case");
  const { listCases } = await import("@/lib/cases/list-cases");
  const { createPersona } = await import("@/lib/personas/create-persona");
  const { addIdentifier } = await import("@/lib/personas/add-identifier");
  const { search } = await import("@/lib/search/search");
  await ready();
  console.log(`database: ${describeDatabase()}`);

  const tag = randomBytes(3).toString("hex");
  const makeActor = async (role: "investigator" | "admin", name: string) => {
    const user = await createUser({
      actor: null,
      input: {
        email: `bench-search-${name}-${tag}@example.test`,
        name: `Bench ${name}`,
        role,
        password: randomBytes(18).toString("base64url"),
      },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" as const };
  };
  const reader = await makeActor("investigator", "reader");
  const others = await makeActor("investigator", "others");

  const madeAt = performance.now();
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const owner = i % 10 === 0 ? reader : others;
    caseIds.push((await createCase({ actor: owner, input: { title: `Bench search case ${i} ${tag}` } })).id);
  }
  const rare = `zq${tag}rare`;
  const wallet = `0x${randomBytes(20).toString("hex")}`;
  const persona = await createPersona({
    actor: reader,
    input: { displayName: `Bench Demović ${tag}`, caseId: caseIds[0] },
  });
  await addIdentifier({ actor: reader, personaId: persona.id, input: { type: "crypto_wallet", value: wallet } });
  const perCase = Math.ceil(TEXTS / CASES);
  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`);
  for (const [i, caseId] of caseIds.entries()) {
    const from = i * perCase + 1;
    const to = Math.min(TEXTS, (i + 1) * perCase);
    if (from > to) break;
    await db.execute(sql`
      with items as (
        insert into evidence (case_id, exhibit_no, title, kind, sha256, size, mime_type, original_name, uploaded_by_id)
        select ${caseId}::uuid, g - ${from} + 1, 'Bench document ' || g, 'document',
               encode(sha256(convert_to(${caseId}::text || g::text, 'UTF8')), 'hex'), 4096, 'application/pdf',
               'bench-' || g || '.pdf', ${reader.id}::uuid
        from generate_series(${from}::int, ${to}::int) g
        returning id, exhibit_no
      ), texts as (
        insert into evidence_texts (evidence_id, status, format, page_count, chars, extracted_at)
        select id, 'done', 'pdf', 1, 600, now() from items
        returning evidence_id
      )
      insert into evidence_text_pages (evidence_id, page, text)
      select i.id, 1,
             array_to_string(array(select (${words})[1 + floor(random() * ${WORDS.length})::int]
                                   from generate_series(1, 80) s where i.id is not null), ' ')
             || case when (i.exhibit_no % 1000) = 7 then ${` ${rare} ${wallet}`} else '' end
      from items i`);
    await db.execute(sql`update cases set exhibit_counter = ${to - from + 1} where id = ${caseId}::uuid`);
  }
  await db.execute(sql`analyze`);
  console.log(`${CASES} cases, ${TEXTS} evidence texts made in ${((performance.now() - madeAt) / 1000).toFixed(0)} s`);

  const queries: [string, string][] = [
    ["common word", "solidity"],
    ["rare word", rare],
    ["two words", "payroll laptop"],
    ["pasted wallet", wallet.toUpperCase().replace("0X", "0x")],
    ["name without accents", `demovic ${tag}`],
  ];
  const times = new Map<string, number[]>(queries.map(([label]) => [label, []]));
  const baseline: number[] = [];
  for (let r = 0; r < RUNS + 3; r++) {
    for (const [label, q] of queries) {
      const start = performance.now();
      await search({ actor: reader, q, limit: 10 });
      if (r >= 3) times.get(label)!.push(performance.now() - start);
    }
    const start = performance.now();
    await listCases({ actor: reader, query: { q: "solidity" } as never });
    if (r >= 3) baseline.push(performance.now() - start);
  }
  const found = await search({ actor: reader, q: rare, limit: 10 });
  console.log(
    `rare word found in ${found.items.filter((i) => i.kind === "evidence").length} items the reader may open`,
  );
  const line = (label: string, v: number[]) =>
    `${label.padEnd(24)} p50 ${percentile(v, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(v, 95).toFixed(1).padStart(7)} ms`;
  for (const [label] of queries) console.log(line(`search: ${label}`, times.get(label)!));
  console.log(line("case list ?q= (baseline)", baseline));
  const worst = Math.max(...[...times.values()].map((v) => percentile(v, 95)));
  console.log(`worst p95 ${worst.toFixed(1)} ms; target <= 100 ms: ${worst <= 100 ? "yes" : "NO"}`);
  await closeDb();
  if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
