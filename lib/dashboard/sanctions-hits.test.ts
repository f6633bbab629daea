import { describe, expect, it } from "vitest";
import { addRedFlag } from "@/lib/personas/add-red-flag";
import { attachPersona } from "@/lib/personas/attach-persona";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { makePersona } from "@/lib/testing/personas";
import { getDashboardSummary } from "./summary";

const summary = (actor: Awaited<ReturnType<typeof makeActor>>) =>
  getDashboardSummary({ actor, query: {}, networkWaitMs: 0 });

describe("open sanctions hits on the dashboard", () => {
  it("counts each flagged persona of an open case once, for those who see the case only", async () => {
    const [lead, outsider] = [await makeActor("investigator"), await makeActor("investigator")];
    const before = (await summary(lead)).sanctionsHits;
    const [one, two] = [await makeCase(lead), await makeCase(lead)];
    const persona = await makePersona(lead, { caseId: one.id });
    await addRedFlag({ actor: lead, personaId: persona.id, input: { code: "SANCTIONS_HIT", note: "listed wallet" } });
    // The same persona in a second case still counts once; an unflagged one not at all.
    await attachPersona({ actor: lead, caseId: two.id, input: { personaId: persona.id, role: "subject" } });
    const clean = await makePersona(lead, { caseId: two.id });
    expect(clean.riskScore).toBe(0);
    expect((await summary(lead)).sanctionsHits).toBe(before + 1);
    expect((await summary(outsider)).sanctionsHits).toBe(0);
  });
});
