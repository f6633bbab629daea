import { multipart, uploadRequest } from "@/lib/testing/evidence";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createNote } from "@/lib/cases/create-note";
import { makePdf } from "@/lib/intake/samples";
import { drainJobs } from "@/lib/jobs/worker";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { call, fieldErrors, who, type Who } from "@/lib/testing/routes";
import type { SearchResult } from "@/lib/search/views";
import * as caseEvidence from "../cases/[id]/evidence/route";
import * as searchRoute from "./route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let lead: Who;
let other: Who;
let outsider: Who;
let manager: Who;
const word = uniqueWord("frob");
const noteWord = uniqueWord("quux");
const wallet = uniqueValue.wallet();
const surname = uniqueWord("demovi");
// Unique to this file: other files share the database and record phones of their own.
const phone = uniqueValue.phone();
let personaId: string;
let personaCase: string;
let evidenceId: string;

async function find(caller: Who, q: string): Promise<SearchResult> {
  const answer = await call(searchRoute.GET, "GET", `/api/search?q=${encodeURIComponent(q)}`, caller);
  expect(answer.status).toBe(200);
  return answer.body as unknown as SearchResult;
}

beforeAll(async () => {
  [lead, other, outsider, manager] = await Promise.all([
    who("investigator", "Search Lead"),
    who("investigator", "Other Search Lead"),
    who("investigator"),
    who("manager"),
  ]);
  const c = await makeCase(lead.actor, { title: `Search case ${word}` });
  const persona = await makePersona(lead.actor, { caseId: c.id, displayName: `Marko ${surname}ć` });
  personaId = persona.id;
  personaCase = c.id;
  await giveIdentifier(lead.actor, persona.id, { type: "crypto_wallet", value: wallet });
  await createNote({ actor: lead.actor, caseId: c.id, input: { body: `Called the vendor about ${noteWord} today` } });
  const pdf = await makePdf([`Cover letter and résumé mentioning ${word} twice: ${word}`, `Pay to ${wallet}`]);
  const response = await caseEvidence.POST(
    uploadRequest(c.id, multipart([{ name: "file", filename: "letter.pdf", data: Buffer.from(pdf) }]), {
      token: lead.token,
    }),
    { params: Promise.resolve({ id: c.id }) },
  );
  evidenceId = ((await response.json()) as { id: string }).id;
  await drainJobs(["evidence.text"], [evidenceId]);
  const theirs = await makePersona(other.actor, { caseId: (await makeCase(other.actor)).id });
  await giveIdentifier(other.actor, theirs.id, { type: "phone", value: phone });
}, 60_000);

describe("GET /api/search", () => {
  it("finds a persona by name whatever the accents", async () => {
    const found = await find(lead, `marko ${surname}c`);
    expect(found.items).toContainEqual(
      expect.objectContaining({
        kind: "persona",
        id: personaId,
        title: `Marko ${surname}ć`,
        url: `/personas/${personaId}`,
      }),
    );
  });

  it("finds evidence text and notes whatever the accents", async () => {
    const found = await find(lead, `resume ${word}`);
    expect(found.items).toContainEqual(expect.objectContaining({ kind: "evidence", id: evidenceId }));
    await createNote({ actor: lead.actor, caseId: personaCase, input: { body: `Réunion à Zürich about ${surname}` } });
    const notes = await find(lead, `reunion zurich ${surname}`);
    expect(notes.items).toContainEqual(expect.objectContaining({ kind: "note", caseId: personaCase }));
  });

  it("reads a pasted wallet in any case as the identifier: its holder and the evidence that mentions it", async () => {
    const found = await find(lead, wallet.toUpperCase().replace("0X", "0x"));
    expect(found.identifier).toEqual([{ type: "crypto_wallet", normalizedValue: wallet }]);
    expect(found.items.map((i) => i.kind)).toEqual(["identifier", "persona", "evidence"]);
    expect(found.items[0]).toMatchObject({ title: `Crypto wallet ${wallet}`, url: `/personas/${personaId}` });
    const mention = found.items[2]!;
    expect(mention).toMatchObject({ id: evidenceId, title: "E-001 letter.pdf", url: `/evidence/${evidenceId}` });
    const [from, to] = mention.marks[0]!;
    expect(mention.snippet.slice(from, to)).toBe(wallet);
  });

  it("finds evidence by the words of its text, with the words marked", async () => {
    const found = await find(lead, word);
    const hit = found.items.find((i) => i.kind === "evidence" && i.id === evidenceId);
    expect(hit).toBeDefined();
    expect(hit!.marks.map(([a, b]) => hit!.snippet.slice(a, b))).toEqual([word, word]);
    expect(found.items.find((i) => i.kind === "case")?.title).toContain(word);
  });

  it("finds case notes by their words", async () => {
    const found = await find(lead, noteWord);
    // The case is found through its notes too.
    expect(found.items.map((i) => i.kind)).toEqual(["case", "note"]);
    const note = found.items[1]!;
    expect(note.title).toMatch(/^Note in CASE-/);
    expect(note.marks.map(([a, b]) => note.snippet.slice(a, b))).toEqual([noteWord]);
  });

  it("reads a phone in another notation, and counts holders in cases the reader cannot access", async () => {
    // "+1 202 555 0123" written with the international prefix spelled out and a bracketed area code.
    const digits = phone.replace(/\D/g, "");
    const found = await find(lead, `00 1 (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`);
    expect(found.identifier).toEqual([{ type: "phone", normalizedValue: `+${digits}` }]);
    const identifier = found.items.find((i) => i.kind === "identifier");
    expect(identifier?.snippet).toMatch(/in 1 case you cannot access \(lead: Other Search Lead\)/);
    expect(found.items.filter((i) => i.kind === "persona")).toEqual([]);
  });

  it("shows nothing of a case to whoever may not see it, and no evidence text to managers", async () => {
    for (const q of [word, noteWord, wallet, `marko ${surname}c`])
      expect((await find(outsider, q)).items.filter((i) => i.kind !== "identifier")).toEqual([]);
    const outsiderWallet = (await find(outsider, wallet)).items[0];
    expect(outsiderWallet?.snippet).toMatch(/you cannot access \(lead: Search Lead\)/);
    const managerView = await find(manager, word);
    expect(managerView.items.filter((i) => i.kind === "evidence")).toEqual([]);
    expect(managerView.items.filter((i) => i.kind === "case")).toHaveLength(1);
  });

  it("asks for something to search for", async () => {
    const answer = await call(searchRoute.GET, "GET", "/api/search?q=%20", lead);
    expect(answer.status).toBe(400);
    expect(fieldErrors(answer.body)[0]).toMatchObject({ path: "q", message: "Type something to search for" });
  });
});
