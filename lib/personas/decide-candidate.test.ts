import { and, eq, or } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, personaLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { settleMatching } from "@/lib/testing/matching";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { listCandidates } from "./candidates";
import { decideCandidate } from "./decide-candidate";

// The audit writer, failing on demand for the decision's own event: the link was written just before it.
const failing = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("@/lib/audit/record", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit/record")>();
  return {
    ...real,
    recordAudit: (async (tx, input) => {
      if (input.action === failing.action) throw new Error("audit write failed");
      return real.recordAudit(tx, input);
    }) satisfies typeof real.recordAudit,
  };
});

let lead: Actor;

beforeAll(async () => {
  lead = await makeActor("investigator");
});

const linksBetween = (a: string, b: string) =>
  db
    .select({ id: personaLinks.id, status: personaLinks.status })
    .from(personaLinks)
    .where(
      or(
        and(eq(personaLinks.fromPersonaId, a), eq(personaLinks.toPersonaId, b)),
        and(eq(personaLinks.fromPersonaId, b), eq(personaLinks.toPersonaId, a)),
      ),
    );

describe("a decision on a candidate", () => {
  it("writes the link and both audit events together, or nothing at all", async () => {
    const theCase = await makeCase(lead);
    const [a, b] = await Promise.all([1, 2].map(() => makePersona(lead, { caseId: theCase.id })));
    const phone = uniqueValue.phone();
    for (const p of [a!, b!]) await giveIdentifier(lead, p.id, { type: "phone", value: phone });
    const input = { decision: "confirm", rationale: "Same phone, same week" } as const;

    await settleMatching();
    failing.action = "persona_candidate.confirm";
    try {
      await expect(decideCandidate({ actor: lead, personaId: a!.id, otherId: b!.id, input })).rejects.toThrow(
        "audit write failed",
      );
    } finally {
      failing.action = null;
    }
    expect(await linksBetween(a!.id, b!.id)).toEqual([]);
    const stray = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "persona_link.create"), eq(auditEvents.actorId, lead.id)));
    expect(stray).toEqual([]);
    // Still an open candidate, so a person can decide it again.
    expect((await listCandidates({ actor: lead, personaId: a!.id })).items.map((c) => c.persona.id)).toEqual([b!.id]);

    const link = await decideCandidate({ actor: lead, personaId: a!.id, otherId: b!.id, input });
    expect(await linksBetween(a!.id, b!.id)).toEqual([{ id: link.id, status: "confirmed" }]);
    const events = await db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, link.id));
    expect(events.map((e) => e.action).sort()).toEqual(["persona_candidate.confirm", "persona_link.create"]);
    const decision = events.find((e) => e.action === "persona_candidate.confirm")!;
    expect(JSON.stringify(decision.detail)).toContain('"kind":"phone"');
  });
});
