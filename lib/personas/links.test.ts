import { and, eq, or } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { personaLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { createLink } from "./create-link";
import { deleteLink } from "./delete-link";
import { updateLink } from "./update-link";
import { listPersonaLinks } from "./list-persona-links";
import type { PersonaDetail } from "./views";

let lead: Actor;
let outsider: Actor;
let a: PersonaDetail;
let b: PersonaDetail;
let c: PersonaDetail;

beforeAll(async () => {
  [lead, outsider] = await Promise.all([makeActor("investigator"), makeActor("investigator")]);
  const theCase = await makeCase(lead);
  const made = await Promise.all([1, 2, 3].map(() => makePersona(lead, { caseId: theCase.id })));
  [a, b, c] = made as [PersonaDetail, PersonaDetail, PersonaDetail];
  const phone = uniqueValue.phone();
  for (const p of made) await giveIdentifier(lead, p.id, { type: "phone", value: phone });
});

const linksBetween = (x: string, y: string) =>
  db
    .select()
    .from(personaLinks)
    .where(
      or(
        and(eq(personaLinks.fromPersonaId, x), eq(personaLinks.toPersonaId, y)),
        and(eq(personaLinks.fromPersonaId, y), eq(personaLinks.toPersonaId, x)),
      ),
    );

describe("suggested links", () => {
  it("suggests personas sharing an identifier, with the identifiers they share", async () => {
    const { links, suggestions } = await listPersonaLinks({ actor: lead, personaId: a.id });
    expect(links).toEqual([]);
    expect(suggestions.map((s) => s.persona.id).sort()).toEqual([b.id, c.id].sort());
    expect(suggestions[0]?.sharedIdentifiers).toEqual([expect.objectContaining({ type: "phone" })]);
  });

  it("confirming a suggestion makes a link and the suggestion goes", async () => {
    const link = await createLink({
      actor: lead,
      input: {
        fromPersonaId: a.id,
        toPersonaId: b.id,
        relation: "same_person",
        confidence: 85,
        rationale: "Same VoIP number",
      },
    });
    expect(link).toMatchObject({
      status: "confirmed",
      relation: "same_person",
      from: { id: a.id },
      to: { id: b.id },
      confidence: 85,
    });
    const { links, suggestions } = await listPersonaLinks({ actor: lead, personaId: a.id });
    expect(links.map((l) => l.id)).toEqual([link.id]);
    expect(suggestions.map((s) => s.persona.id)).toEqual([c.id]);
  });

  it("a rejected suggestion is remembered and not suggested again, from either side", async () => {
    await createLink({
      actor: lead,
      input: { fromPersonaId: c.id, toPersonaId: a.id, status: "rejected", rationale: "Shared office switchboard" },
    });
    expect((await listPersonaLinks({ actor: lead, personaId: a.id })).suggestions).toEqual([]);
    expect((await listPersonaLinks({ actor: lead, personaId: c.id })).suggestions.map((s) => s.persona.id)).toEqual([
      b.id,
    ]);
    await expect(
      createLink({ actor: lead, input: { fromPersonaId: a.id, toPersonaId: c.id, status: "rejected" } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const rows = await linksBetween(a.id, c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("rejected");
  });

  it("confirming a rejected pair later turns the rejection into the link", async () => {
    const link = await createLink({
      actor: lead,
      input: { fromPersonaId: a.id, toPersonaId: c.id, relation: "associated", confidence: 60 },
    });
    const rows = await linksBetween(a.id, c.id);
    expect(rows.map((r) => [r.id, r.status])).toEqual([[link.id, "confirmed"]]);
  });
});

describe("bad links", () => {
  it("refuses a self link with a 400, writing nothing", async () => {
    await expect(createLink({ actor: lead, input: { fromPersonaId: a.id, toPersonaId: a.id } })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/itself/),
    });
    expect(await linksBetween(a.id, a.id)).toEqual([]);
  });

  it("refuses a duplicate (either direction) with a 400 pointing at the existing link", async () => {
    const before = await linksBetween(a.id, b.id);
    for (const input of [
      { fromPersonaId: a.id, toPersonaId: b.id, relation: "same_person" as const },
      { fromPersonaId: b.id, toPersonaId: a.id, relation: "same_person" as const },
    ]) {
      await expect(createLink({ actor: lead, input })).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringMatching(/already linked/),
        details: [expect.objectContaining({ existingLinkId: before[0]?.id })],
      });
    }
    expect(await linksBetween(a.id, b.id)).toHaveLength(1);
  });

  it("refuses links to personas the actor cannot see as not found", async () => {
    await expect(
      createLink({ actor: outsider, input: { fromPersonaId: a.id, toPersonaId: b.id } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("editing links", () => {
  it("updates and deletes a link", async () => {
    const [row] = await linksBetween(a.id, b.id);
    const updated = await updateLink({
      actor: lead,
      linkId: row!.id,
      input: { confidence: 95, rationale: "Confirmed by HR records" },
    });
    expect(updated).toMatchObject({ confidence: 95, rationale: "Confirmed by HR records" });
    await expect(updateLink({ actor: outsider, linkId: row!.id, input: { confidence: 1 } })).rejects.toMatchObject({
      code: "not_found",
    });
    await deleteLink({ actor: lead, linkId: row!.id });
    expect(await linksBetween(a.id, b.id)).toEqual([]);
    expect((await listPersonaLinks({ actor: lead, personaId: a.id })).suggestions.map((s) => s.persona.id)).toEqual([
      b.id,
    ]);
  });
});
