import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadPersona } from "./access";
import { linksOf, loadLinkViews } from "./link-views";
import { suggestLinks } from "./suggest-links";
import type { PersonaLinks } from "./views";

/** The persona's explicit links (confirmed and rejected) and the links its shared identifiers suggest. */
export async function listPersonaLinks({
  actor,
  personaId,
}: {
  actor: Actor;
  personaId: string;
}): Promise<PersonaLinks> {
  await loadPersona(db, actor, personaId);
  const [links, suggestions] = await Promise.all([
    loadLinkViews(db, actor, linksOf(personaId)),
    suggestLinks(actor, personaId),
  ]);
  return { links, suggestions };
}
