/**
 * Possible matches: quality (precision and recall against labelled clusters) and speed.
 *
 *   npm run bench:matching             (an in-memory embedded database)
 *   CLUSTERS=60 DISTRACTORS=600 npm run bench:matching
 *
 * 1. makes CLUSTERS operators, each running 2-4 personas with realistic noise: the name romanised
 *    another way (Kim/Gim/김, Park/Pak/Bak/박, Lee/Yi/Rhee/이, Choi/Choe/최, Jung/Jong/Chong/정,
 *    given names hyphenated, spaced or run together, parts in any order), one Gmail written with
 *    dots, +tags or googlemail.com, one phone in several notations, sometimes a shared wallet;
 *    not every persona carries every identifier; half the operators reuse one generated photo
 *    (shapes and gradients, never a face), re-encoded, resized and cropped per persona; seven in
 *    ten personas (RESUMES) have a résumé among the evidence, an operator's a copy of one text with
 *    the persona's name and 1-10 % of its lines rewritten;
 * 2. among DISTRACTORS unrelated personas with common Korean names (many share a surname, some a
 *    whole name), their own mailboxes and phones, a laptop-farm address many of them hold, and
 *    for some a generated photo of their own, and résumés of their own in the same job-market words;
 * 3. runs the matching job over all of them (timed), then prints precision and recall of the stored
 *    candidates at or above THRESHOLD (default 40, LIKELY_MATCH), with and without the name-only cap,
 *    and of the networks confirming them would make, beside exact matching alone (the same value as
 *    entered, or the same display name), the time of listCandidates (GET /api/personas/{id}/candidates
 *    without HTTP) beside getPersona, and of listReviewQueue (GET /api/review/candidates) beside a
 *    bare SELECT of one page, in one run.
 *    DEBUG=1 prints each false candidate at or above the threshold with its reasons.
 *
 * Measured (defaults, PGlite, 785 personas, 2026-12-04, load average 1.6-4.8 on 2 cores): 213 true
 * pairs, 26 of them (12 %) sharing nothing but the name; stated threshold 40 (LIKELY_MATCH):
 * precision 0.990 recall 0.915 (namesakes both likely matches of a third persona are corroborated:
 * 8 of the 26; before, 0.989 / 0.878), 0.872 / 0.930 without the name-only cap; networks of the
 * pairs >= 40: 0.985 / 0.920; exact matching alone 0.168 / 0.225. Candidate generation for one
 * persona p50 24 / p95 40 ms. Figures and history in bench/README.md.
 */
import fs from "node:fs";
import path from "node:path";

process.env.DATABASE_URL ??= "memory://";
process.env.LOG_LEVEL ??= "warn";
const ownDataDir = process.env.DATA_DIR
  ? null
  : fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "casework-bench-matching-"));
process.env.DATA_DIR ??= ownDataDir!;

const CLUSTERS = Number(process.env.CLUSTERS ?? 60);
const DISTRACTORS = Number(process.env.DISTRACTORS ?? 600);
const THRESHOLD = Number(process.env.THRESHOLD ?? 40);
/** The share of personas whose résumé is among the evidence (an operator's: a copy with 1-10 % of lines edited). */
const RESUMES = Number(process.env.RESUMES ?? 0.7);

// A seeded generator, so two runs make the same data.
// mulberry32: 32-bit integer arithmetic throughout (a float LCG loses bits and repeats early).
let seed = Number(process.env.SEED ?? 16) >>> 0;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// Surnames: Latin spellings and the Hangul.
const SURNAMES = [
  { latin: ["Kim", "Gim"], hangul: "김" },
  { latin: ["Park", "Pak", "Bak"], hangul: "박" },
  { latin: ["Lee", "Yi", "Rhee"], hangul: "이" },
  { latin: ["Choi", "Choe"], hangul: "최" },
  { latin: ["Jung", "Jong", "Chong", "Jeong"], hangul: "정" },
];
// Given-name syllables in Revised Romanisation with their Hangul.
const SYLLABLES: [string, string][] = [
  ["sang", "상"],
  ["man", "만"],
  ["min", "민"],
  ["jun", "준"],
  ["ho", "호"],
  ["ji", "지"],
  ["su", "수"],
  ["seong", "성"],
  ["jin", "진"],
  ["hye", "혜"],
  ["yeon", "연"],
  ["tae", "태"],
  ["dong", "동"],
  ["hyeon", "현"],
  ["gyu", "규"],
  ["eun", "은"],
  ["ha", "하"],
  ["na", "나"],
  ["so", "소"],
  ["hwa", "화"],
  ["gyeong", "경"],
  ["mi", "미"],
  ["yeong", "영"],
  ["jae", "재"],
  ["won", "원"],
  ["bin", "빈"],
  ["il", "일"],
  ["cheol", "철"],
  ["sik", "식"],
];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

interface Name {
  surname: (typeof SURNAMES)[number];
  given: [string, string][];
}
function spell({ surname, given }: Name): string {
  const form = Math.floor(random() * 6);
  if (form === 0) return surname.hangul + given.map((g) => g[1]).join("");
  const sur = pick(surname.latin);
  const g =
    form === 1
      ? given.map((x) => cap(x[0])).join("-")
      : form === 2
        ? cap(given.map((x) => x[0]).join(""))
        : given.map((x) => cap(x[0])).join(" ");
  return form % 2 === 0 ? `${sur} ${g}` : `${g} ${sur}`;
}
const newName = (): Name => ({ surname: pick(SURNAMES), given: [pick(SYLLABLES), pick(SYLLABLES)] });

function emailVariant(user: string): string {
  const dotted = [...user].map((c, i) => (i > 0 && random() < 0.2 ? `.${c}` : c)).join("");
  const tag = random() < 0.5 ? `+${pick(["jobs", "work", "dev", "apply"])}` : "";
  return `${dotted}${tag}@${random() < 0.3 ? "googlemail.com" : "gmail.com"}`;
}
function phoneVariant(n: string): string {
  // n: ten digits of a US number
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  return pick([`+1 ${a} ${b} ${c}`, `+1 (${a}) ${b}-${c}`, `001 ${a} ${b} ${c}`, `+1${n}`, `+1-${a}-${b}-${c}`]);
}
const digits = (k: number) => Array.from({ length: k }, () => Math.floor(random() * 10)).join("");

// Résumés: every applicant writes in the same job-market words, so unrelated résumés share many
// three-word runs; an operator's copies share nearly all of theirs.
const VERBS = ["Built", "Led", "Designed", "Shipped", "Migrated", "Maintained", "Scaled", "Automated", "Refactored"];
const THINGS = [
  "a payments API",
  "the billing service",
  "a React dashboard",
  "CI pipelines",
  "a data warehouse",
  "mobile checkout",
  "an internal admin tool",
  "search indexing",
  "the authentication layer",
  "smart contracts",
];
const TECH = ["TypeScript", "React", "Node.js", "PostgreSQL", "Go", "Kubernetes", "AWS", "Python", "Solidity", "Redis"];
const EMPLOYERS = ["Acme Cloud", "Northwind Labs", "Globex", "Initech", "Umbrella Fintech", "Hooli", "Stark Apps"];
const bullet = () =>
  `- ${pick(VERBS)} ${pick(THINGS)} with ${pick(TECH)}, ${pick(TECH)} and ${pick(TECH)} at ${pick(EMPLOYERS)}, ${2 + Math.floor(random() * 40)} engineers, ${10 + Math.floor(random() * 90)}% faster`;
const resumeBody = () => [
  `${pick(["Senior", "Lead", "Staff"])} ${pick(["software", "backend", "full-stack", "frontend"])} engineer, remote`,
  ...Array.from({ length: 16 + Math.floor(random() * 6) }, bullet),
  `B.Sc. Computer Science, ${pick(["Seoul", "Pyongyang", "Shenyang", "Dalian", "Busan"])} ${pick(["University", "Institute of Technology"])}`,
];
/** A résumé under a name, with 1-10 % of its lines rewritten (0 for the original). */
function resumeText(name: string, body: readonly string[], edited: boolean): string {
  const lines = [...body];
  if (edited) {
    const changes = Math.max(1, Math.round(lines.length * (0.01 + random() * 0.09)));
    for (let k = 0; k < changes; k++) lines[1 + Math.floor(random() * (lines.length - 1))] = bullet();
  }
  return `${name}\n${lines.join("\n")}\n`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const { ready, closeDb } = await import("@/db");
  const { randomBytes } = await import("node:crypto");
  const { createUser } = await import("@/lib/users/users");
  const { createPersona } = await import("@/lib/personas/create-persona");
  const { addIdentifier } = await import("@/lib/personas/add-identifier");
  const { getPersona } = await import("@/lib/personas/get-persona");
  const { listCandidates } = await import("@/lib/personas/candidates");
  const { listReviewQueue } = await import("@/lib/personas/list-review-queue");
  const { drainJobs } = await import("@/lib/jobs/worker");
  const { MATCH_CANDIDATES } = await import("@/lib/matching/queue-matching");
  const { combine, scoreCandidates } = await import("@/lib/matching/score-candidates");
  const { createCase } = await import("@/lib/cases/create-case");
  const { uploadEvidence } = await import("@/lib/evidence/upload-evidence");
  const { alteredCopy, picture } = await import("@/lib/testing/photos");
  const { EXTRACT_TEXT } = await import("@/lib/intake/extract-job");
  const { createHash } = await import("node:crypto");
  const { db: database, queryRows } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  await ready();

  const user = await createUser({
    actor: null,
    input: {
      email: `bench-matching-${randomBytes(4).toString("hex")}@example.test`,
      name: "Bench Matching",
      role: "admin",
      password: randomBytes(18).toString("base64url"),
    },
  });
  const actor = { id: user.id, email: user.email, name: user.name, role: user.role, via: "cli" as const };

  const cluster = new Map<string, number>(); // persona id -> cluster (-1 for distractors)
  const raw = new Map<string, Set<string>>(); // persona id -> values as entered, and its display name
  const farm = "12 Example Street, Atlanta GA 30301";
  // Photos are exhibits of one case; a persona's photo is the source of its first claim.
  const photoCase = await createCase({ actor, input: { title: "Bench matching photos" } });
  async function upload(bytes: Buffer, name: string, type: string): Promise<string> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
    const request = new Request(`http://localhost/api/cases/${photoCase.id}/evidence`, { method: "POST", body: form });
    const item = await uploadEvidence({ actor, caseId: photoCase.id, request });
    return item.id;
  }
  let files = 0;
  const traits = new Map<string, Set<string>>(); // persona id -> what it could share with its operator's others
  async function make(
    displayName: string,
    values: {
      type: "email" | "phone" | "crypto_wallet" | "postal_address";
      value: string;
      sourceEvidenceId?: string;
    }[],
    group: number,
    docs: { photo?: Buffer; resume?: string },
  ) {
    const p = await createPersona({ actor, input: { displayName } });
    cluster.set(p.id, group);
    raw.set(p.id, new Set([`name:${displayName}`]));
    traits.set(
      p.id,
      new Set([
        ...values.filter((v) => v.type !== "postal_address").map((v) => v.type),
        ...(docs.photo ? ["photo"] : []),
        ...(docs.resume ? ["resume"] : []),
      ]),
    );
    // A persona's photo and résumé are the sources of its first claims (an own mailbox if it has too few).
    const cited = [
      ...(docs.photo ? [{ bytes: docs.photo, name: `photo-${files++}.jpg`, type: "image/jpeg" }] : []),
      ...(docs.resume ? [{ bytes: Buffer.from(docs.resume), name: `cv-${files++}.txt`, type: "text/plain" }] : []),
    ];
    for (const [i, file] of cited.entries()) {
      if (values.length <= i) values.push({ type: "email", value: `own${digits(9)}@example.org` });
      values[i] = { ...values[i]!, sourceEvidenceId: await upload(file.bytes, file.name, file.type) };
      // Exact matching of documents: the same bytes.
      raw.get(p.id)!.add(`file:${createHash("sha256").update(file.bytes).digest("hex")}`);
    }
    for (const v of values) {
      await addIdentifier({ actor, personaId: p.id, input: v });
      raw.get(p.id)!.add(`${v.type}:${v.value}`);
    }
  }
  // Generated pictures (never a face), one seed per operator or person; an operator's personas
  // carry copies re-encoded, resized and cropped by up to 2.5 % a side.
  let pictureSeed = 1000;
  const copyOf = (bytes: Buffer) =>
    alteredCopy(bytes, {
      quality: 50 + Math.floor(random() * 40),
      scale: 0.5 + random() * 0.5,
      crop: random() * 0.025,
      format: pick(["jpeg", "png", "webp"] as const),
    });

  const started = performance.now();
  for (let c = 0; c < CLUSTERS; c++) {
    const name = newName();
    const mailbox = `${pick(["dev", "code", "sky", "blue", "star"])}${digits(5)}`;
    const phone = `404555${digits(4)}`;
    const wallet = `0x${randomBytes(20).toString("hex")}`;
    const size = 2 + Math.floor(random() * 3);
    const photo = random() < 0.5 ? await picture(pictureSeed++) : null;
    const body = resumeBody();
    for (let k = 0; k < size; k++) {
      const values: Parameters<typeof make>[1] = [];
      if (random() < 0.7) values.push({ type: "email", value: emailVariant(mailbox) });
      if (random() < 0.5) values.push({ type: "phone", value: phoneVariant(phone) });
      if (random() < 0.25) values.push({ type: "crypto_wallet", value: wallet });
      if (random() < 0.3) values.push({ type: "postal_address", value: farm });
      const displayName = spell(name);
      await make(displayName, values, c, {
        photo: photo && random() < 0.6 ? await copyOf(photo) : undefined,
        resume: random() < RESUMES ? resumeText(displayName, body, true) : undefined,
      });
    }
  }
  // Unrelated people: common names, a few whole names used many times, own mailbox and phone.
  const common = Array.from({ length: 8 }, newName);
  for (let d = 0; d < DISTRACTORS; d++) {
    const name = random() < 0.3 ? pick(common) : newName();
    const values: Parameters<typeof make>[1] = [
      { type: "email", value: `${pick(["dev", "code", "sky"])}${digits(7)}@gmail.com` },
      { type: "phone", value: `+1 678 ${digits(3)} ${digits(4)}` },
    ];
    if (random() < 0.3) values.push({ type: "postal_address", value: farm });
    const displayName = spell(name);
    await make(displayName, values, -1 - d, {
      photo: random() < 0.3 ? await picture(pictureSeed++) : undefined,
      resume: random() < RESUMES ? resumeText(displayName, resumeBody(), false) : undefined,
    });
  }
  console.log(
    `${cluster.size} personas (${CLUSTERS} operators' clusters among ${DISTRACTORS} unrelated) made in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  // Photos are hashed by the extraction job, as the server does after an upload.
  await drainJobs([EXTRACT_TEXT]);
  // The matching job, as the server runs it after the changes: every persona scored and stored.
  const scoring = performance.now();
  await drainJobs([MATCH_CANDIDATES]);
  console.log(
    `matching job: ${cluster.size} personas scored and stored in ${((performance.now() - scoring) / 1000).toFixed(1)} s`,
  );

  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const ids = [...cluster.keys()];
  const truth = new Set<string>();
  const exact = new Set<string>();
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i]!, ids[j]!];
      if (cluster.get(a) === cluster.get(b)) truth.add(key(a, b));
      const va = raw.get(a)!;
      // The farm address is shared by design: exact matching would link everyone on it.
      if ([...raw.get(b)!].some((v) => va.has(v) && !v.endsWith(farm))) exact.add(key(a, b));
    }

  for (const id of ids.slice(0, 20)) {
    await listCandidates({ actor, personaId: id });
    await getPersona({ actor, personaId: id });
  }
  const found = new Map<string, number>(); // pair -> score
  const uncapped = new Map<string, number>(); // pair -> score without the name-only cap (the earlier rule)
  const candidateMs: number[] = [];
  const loadMs: number[] = [];
  for (const id of ids) {
    let t = performance.now();
    const list = await listCandidates({ actor, personaId: id });
    candidateMs.push(performance.now() - t);
    t = performance.now();
    await getPersona({ actor, personaId: id });
    loadMs.push(performance.now() - t);
    for (const c of list.items) {
      found.set(key(id, c.persona.id), Math.max(c.score, found.get(key(id, c.persona.id)) ?? 0));
      uncapped.set(key(id, c.persona.id), combine(c.reasons.map((r) => r.weight)));
      if (c.score < THRESHOLD) continue;
      if (process.env.DEBUG && !truth.has(key(id, c.persona.id)))
        console.log(
          "false",
          c.score,
          c.persona.displayName,
          JSON.stringify(c.reasons.map((r) => [r.kind, r.weight, r.detail])),
        );
    }
  }
  const quality = (label: string, predicted: Set<string>) => {
    const hits = [...predicted].filter((p) => truth.has(p)).length;
    const precision = predicted.size ? hits / predicted.size : 1;
    console.log(
      `${label.padEnd(32)} pairs ${String(predicted.size).padStart(5)}   precision ${precision.toFixed(3)}   recall ${(hits / truth.size).toFixed(3)}`,
    );
  };
  // What the generator gave each true pair to be found by, besides the name.
  const nameOnly = [...truth].filter((pair) => {
    const [a, b] = pair.split("|") as [string, string];
    return ![...traits.get(a)!].some((t) => traits.get(b)!.has(t));
  }).length;
  console.log(
    `true pairs: ${truth.size}, of which ${nameOnly} (${((100 * nameOnly) / truth.size).toFixed(0)} %) share nothing but the name (and at most the farm address)`,
  );
  const above = (scores: Map<string, number>, t: number) =>
    new Set([...scores].filter(([, score]) => score >= t).map(([pair]) => pair));
  for (const t of [...new Set([30, 40, 50, THRESHOLD])].sort((a, b) => a - b)) {
    quality(`candidates, score >= ${t}${t === THRESHOLD ? " (stated)" : ""}`, above(found, t));
    quality(`  without the name-only cap`, above(uncapped, t));
  }
  quality("exact matching alone", exact);
  // Confirming every pair at or above the threshold joins networks: the pairs of one network.
  const root = new Map<string, string>();
  const find = (x: string): string => {
    const r = root.get(x) ?? x;
    if (r === x) return x;
    const top = find(r);
    root.set(x, top);
    return top;
  };
  for (const pair of above(found, THRESHOLD)) {
    const [a, b] = pair.split("|") as [string, string];
    root.set(find(a), find(b));
  }
  quality(
    `networks of pairs >= ${THRESHOLD}`,
    new Set(
      ids.flatMap((a, i) =>
        ids
          .slice(i + 1)
          .filter((b) => find(a) === find(b))
          .map((b) => key(a, b)),
      ),
    ),
  );
  const row = (label: string, v: number[]) =>
    `${label.padEnd(32)} p50 ${percentile(v, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(v, 95).toFixed(1).padStart(6)} ms`;
  // Candidate generation for one persona, as the job does it (without the write): every eighth persona.
  const scoreMs: number[] = [];
  for (const id of ids.filter((_, i) => i % 8 === 0)) {
    const t = performance.now();
    await scoreCandidates(database, id);
    scoreMs.push(performance.now() - t);
  }
  console.log(row("scoreCandidates (one persona)", scoreMs));
  console.log(row("listCandidates", candidateMs));
  console.log(row("getPersona (baseline)", loadMs));
  // GET /api/review/candidates without HTTP (stored pairs, paged, need-to-know) beside a bare
  // SELECT of one page of the same table.
  const queueMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < 25; i++) {
    let t = performance.now();
    await listReviewQueue({ actor, query: { page: 1 + (i % 3) } });
    queueMs.push(performance.now() - t);
    t = performance.now();
    await queryRows(database, sql`select * from match_candidates order by score desc limit 20`);
    bareMs.push(performance.now() - t);
  }
  console.log(row("listReviewQueue (stored)", queueMs));
  console.log(row("bare SELECT of a page (baseline)", bareMs));
  await closeDb();
  if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
