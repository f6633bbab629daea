import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { makeCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { attachPersona } from "./attach-persona";
import { createLink } from "./create-link";
import { getPersona } from "./get-persona";
import { updatePersona } from "./update-persona";
import { addRedFlag } from "./add-red-flag";

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "error",
  );

// Observers of a case read it; they do not change what it holds, its personas included.
describe("persona writes by an observer", () => {
  let lead: Actor;
  let observer: Actor;
  let personaId: string;
  let otherPersonaId: string;

  beforeAll(async () => {
    [lead, observer] = await Promise.all([makeActor("investigator"), makeActor("investigator")]);
    const kase = await makeCase(lead);
    await addMember({ actor: lead, caseId: kase.id, input: { userId: observer.id, role: "observer" } });
    personaId = (await makePersona(lead, { caseId: kase.id })).id;
    otherPersonaId = (await makePersona(lead, { caseId: kase.id })).id;
  });

  it("refuses every change with 403 and offers no edit button, while the lead may", async () => {
    const detail = await getPersona({ actor: observer, personaId });
    expect(detail.permissions.edit).toBe(false);
    expect(
      await outcome(
        updatePersona({ actor: observer, personaId, input: { version: detail.version, notes: "observer was here" } }),
      ),
    ).toBe("forbidden");
    expect(await outcome(giveIdentifier(observer, personaId, { type: "email", value: uniqueValue.email() }))).toBe(
      "forbidden",
    );
    expect(await outcome(addRedFlag({ actor: observer, personaId, input: { code: "REUSED_IDENTIFIER" } }))).toBe(
      "forbidden",
    );
    expect(
      await outcome(
        createLink({
          actor: observer,
          input: { fromPersonaId: personaId, toPersonaId: otherPersonaId, relation: "associated" },
        }),
      ),
    ).toBe("forbidden");

    expect((await getPersona({ actor: lead, personaId })).permissions.edit).toBe(true);
    expect(await outcome(giveIdentifier(lead, personaId, { type: "email", value: uniqueValue.email() }))).toBe("ok");
  });

  it("lets the observer change the persona once it is also in a case they work on", async () => {
    const own = await makeCase(observer);
    await attachPersona({ actor: observer, caseId: own.id, input: { personaId, role: "subject" } });
    expect((await getPersona({ actor: observer, personaId })).permissions.edit).toBe(true);
    expect(await outcome(giveIdentifier(observer, personaId, { type: "email", value: uniqueValue.email() }))).toBe(
      "ok",
    );
    // A link needs one end the actor may change.
    expect(
      await outcome(
        createLink({
          actor: observer,
          input: { fromPersonaId: personaId, toPersonaId: otherPersonaId, relation: "associated" },
        }),
      ),
    ).toBe("ok");
  });
});
