import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { listCases } from "./list-cases";
import { createNote } from "./create-note";
import { updateNote } from "./update-note";
import type { CaseDetail } from "./views";

let lead: Actor;
let outsider: Actor;
let noteWord: string;
let titleWord: string;
let subjectWord: string;
let withNote: CaseDetail;
let withTitle: CaseDetail;
let withSubject: CaseDetail;

beforeAll(async () => {
  [lead, outsider] = await Promise.all([makeActor("investigator"), makeActor("investigator")]);
  [noteWord, titleWord, subjectWord] = [uniqueWord(), uniqueWord(), uniqueWord()];
  withNote = await makeCase(lead, { title: "Laptop shipped to a reshipping address" });
  await createNote({
    actor: lead,
    caseId: withNote.id,
    input: { body: `The recruiter mentioned ${noteWord} twice on the call.` },
  });
  withTitle = await makeCase(lead, { title: `Contractor ${titleWord} shares a face with another hire` });
  withSubject = await makeCase(lead, {
    title: "Voice mismatch on onboarding call",
    subject: { name: `Alex ${subjectWord}` },
  });
});

async function search(q: string, actor: Actor = lead): Promise<string[]> {
  const list = await listCases({ actor, query: { q } });
  expect(list.total).toBe(list.items.length);
  return list.items.map((c) => c.id);
}

describe("case full-text search", () => {
  it("finds a case by a word that appears only in one of its notes", async () => {
    expect(await search(noteWord)).toEqual([withNote.id]);
  });

  it("follows a note's edits: the old word stops matching, the new one matches", async () => {
    const [before, after] = [uniqueWord(), uniqueWord()];
    const theCase = await makeCase(lead, { title: "Edited note" });
    const note = await createNote({ actor: lead, caseId: theCase.id, input: { body: `Payroll went to ${before}.` } });
    expect(await search(before)).toEqual([theCase.id]);
    await updateNote({ actor: lead, noteId: note.id, input: { body: `Payroll went to ${after}.` } });
    expect(await search(before)).toEqual([]);
    expect(await search(after)).toEqual([theCase.id]);
  });

  it("keeps every word of notes added to one case at the same moment", async () => {
    const theCase = await makeCase(lead, { title: "Busy intake" });
    const words = Array.from({ length: 6 }, () => uniqueWord());
    await Promise.all(words.map((w) => createNote({ actor: lead, caseId: theCase.id, input: { body: `Seen: ${w}` } })));
    for (const w of words) expect(await search(w)).toEqual([theCase.id]);
  });

  it("matches words spread over the case's fields and its notes", async () => {
    expect(await search(`reshipping ${noteWord}`)).toEqual([withNote.id]);
  });

  it("finds a case by a word in its title", async () => {
    expect(await search(titleWord)).toEqual([withTitle.id]);
    expect(await search(titleWord.toUpperCase())).toEqual([withTitle.id]);
  });

  it("finds a case by the subject's name", async () => {
    expect(await search(subjectWord)).toEqual([withSubject.id]);
    expect(await search(`Alex ${subjectWord}`)).toEqual([withSubject.id]);
  });

  it("finds a case by its exact reference, in any case", async () => {
    expect(await search(withTitle.ref)).toEqual([withTitle.id]);
    expect(await search(withTitle.ref.toLowerCase())).toEqual([withTitle.id]);
  });

  it("needs every word to match", async () => {
    expect(await search(`${titleWord} ${noteWord}`)).toEqual([]);
  });

  it("searches only the cases the actor may see", async () => {
    expect(await search(noteWord, outsider)).toEqual([]);
    expect(await search(withTitle.ref, outsider)).toEqual([]);
  });

  it("combines with other filters", async () => {
    const list = await listCases({ actor: lead, query: { q: titleWord, status: ["closed"] } });
    expect(list).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    "'); drop table cases; --",
    '"; delete from case_notes where true; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "!!! & | ( ) : * -",
    "CASE-",
  ])("treats %j as text, not as SQL or a query syntax error", async (q) => {
    // None of the lead's cases contains these words, so a correct search finds nothing.
    expect(await search(q)).toEqual([]);
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from cases where id = ${withNote.id}`,
    );
    expect(row?.n).toBe(1);
  });

  it("ignores accents in the case's fields, its notes and the query", async () => {
    const word = uniqueWord();
    const theCase = await makeCase(lead, { title: `Résumé recycled at Müller GmbH ${word}` });
    await createNote({ actor: lead, caseId: theCase.id, input: { body: `Met at the café in São Paulo ${word}` } });
    for (const q of [`resume ${word}`, `RÉSUMÉ ${word}`, `muller ${word}`, `cafe ${word}`, `sao paulo ${word}`])
      expect(await search(q)).toEqual([theCase.id]);
  });

  it("finds a case by an identifier of its personas, in any notation, within need-to-know", async () => {
    const email = `${uniqueWord("jo")}@gmail.com`;
    const wallet = uniqueValue.wallet();
    const theCase = await makeCase(lead, { title: "Payroll to a wallet" });
    const persona = await makePersona(lead, { caseId: theCase.id });
    await giveIdentifier(lead, persona.id, { type: "email", value: email });
    await giveIdentifier(lead, persona.id, { type: "crypto_wallet", value: wallet, chain: "ethereum" });
    // Gmail ignores dots and +tags; an EVM address is one identifier whatever its letter case.
    const dotted = `${email.slice(0, 2)}.${email.slice(2).replace("@", "+cv@")}`;
    expect(await search(dotted)).toEqual([theCase.id]);
    expect(await search(wallet.toUpperCase().replace("0X", "0x"))).toEqual([theCase.id]);
    // Words beside an identifier: the case's own words, or the identifier its persona holds.
    expect(await search(`payroll ${wallet}`)).toEqual([theCase.id]);
    expect(await search(`${uniqueWord()} ${wallet}`)).toEqual([theCase.id]);
    expect(await search(uniqueValue.wallet())).toEqual([]);
    expect(await search(dotted, outsider)).toEqual([]);
  });

  it("refuses a search longer than 200 characters", async () => {
    await expect(listCases({ actor: lead, query: { q: "a".repeat(201) } })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
