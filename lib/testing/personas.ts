import { randomBytes, randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { addIdentifier } from "@/lib/personas/add-identifier";
import { createPersona } from "@/lib/personas/create-persona";
import type { IdentifierInput, PersonaCreate } from "@/lib/personas/schema";
import type { PersonaDetail, PersonaIdentifierView } from "@/lib/personas/views";
import { uniqueWord } from "./cases";

/** A persona with a unique name; `caseId` attaches it to that case at once. */
export async function makePersona(actor: Actor, input: Partial<PersonaCreate> = {}): Promise<PersonaDetail> {
  return createPersona({ actor, input: { displayName: `Persona ${uniqueWord()}`, ...input } });
}

export async function giveIdentifier(
  actor: Actor,
  personaId: string,
  input: IdentifierInput,
): Promise<PersonaIdentifierView> {
  return addIdentifier({ actor, personaId, input });
}

/** Identifier values no other test will produce. */
export const uniqueValue = {
  wallet: () => `0x${randomBytes(20).toString("hex")}`,
  phone: () => `+1 202 ${randomInt(200, 1000)} ${String(randomInt(0, 10_000)).padStart(4, "0")}`,
  email: () => `${uniqueWord("m")}@example.test`,
  device: () => `SN${randomBytes(6).toString("hex").toUpperCase()}`,
};
