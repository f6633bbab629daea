import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadPersona } from "./access";
import { toPersonaDetail } from "./present";
import type { PersonaDetail } from "./views";

export async function getPersona({ actor, personaId }: { actor: Actor; personaId: string }): Promise<PersonaDetail> {
  const row = await loadPersona(db, actor, personaId);
  return toPersonaDetail(db, actor, row);
}
