import type { Actor } from "@/lib/auth/actor";
import { createLink } from "@/lib/personas/create-link";
import type { PersonaDetail } from "@/lib/personas/views";
import { makeCase } from "./cases";
import { makeActor } from "./factories";
import { giveIdentifier, makePersona, uniqueValue } from "./personas";

export interface HandBuiltGraph {
  lead: Actor;
  otherLead: Actor;
  caseId: string;
  p: Record<"A" | "B" | "C" | "D" | "F" | "G" | "H", PersonaDetail>;
  i: Record<"phone" | "device" | "wallet" | "email", string>;
}

/**
 * A - phone - B - wallet - C =operated_by=> D, all in the lead's case. F has only a rejected link
 * to D. H sits in another lead's case, holds the phone too and shares an email with G, so a
 * path A - phone - H - email - G exists only through a persona the lead cannot see.
 */
export async function buildHandGraph(): Promise<HandBuiltGraph> {
  const [lead, otherLead] = await Promise.all([
    makeActor("investigator", "Graph Lead"),
    makeActor("investigator", "Hidden Lead"),
  ]);
  const theCase = await makeCase(lead);
  const secret = await makeCase(otherLead);
  const make = (name: string, caseId: string, actor = lead) => makePersona(actor, { caseId, displayName: name });
  const [A, B, C, D, F, G] = await Promise.all(
    ["A", "B", "C", "D", "F", "G"].map((n) => make(`Graph ${n}`, theCase.id)),
  );
  const H = await make("Graph H", secret.id, otherLead);
  const phone = uniqueValue.phone();
  const wallet = uniqueValue.wallet();
  const email = uniqueValue.email();
  const phoneId = (await giveIdentifier(lead, A!.id, { type: "phone", value: phone })).id;
  const deviceId = (await giveIdentifier(lead, A!.id, { type: "device", value: uniqueValue.device() })).id;
  await giveIdentifier(lead, B!.id, { type: "phone", value: phone });
  const walletId = (await giveIdentifier(lead, B!.id, { type: "crypto_wallet", value: wallet })).id;
  await giveIdentifier(lead, C!.id, { type: "crypto_wallet", value: wallet });
  await giveIdentifier(otherLead, H.id, { type: "phone", value: phone });
  const emailId = (await giveIdentifier(otherLead, H.id, { type: "email", value: email })).id;
  await giveIdentifier(lead, G!.id, { type: "email", value: email });
  await createLink({
    actor: lead,
    input: { fromPersonaId: C!.id, toPersonaId: D!.id, relation: "operated_by", confidence: 80 },
  });
  await createLink({ actor: lead, input: { fromPersonaId: F!.id, toPersonaId: D!.id, status: "rejected" } });
  return {
    lead,
    otherLead,
    caseId: theCase.id,
    p: { A: A!, B: B!, C: C!, D: D!, F: F!, G: G!, H },
    i: { phone: phoneId, device: deviceId, wallet: walletId, email: emailId },
  };
}
