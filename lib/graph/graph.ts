import { eq } from "drizzle-orm";
import { db } from "@/db";
import { casePersonas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { loadPersona } from "@/lib/personas/access";
import { buildGraph } from "./build";
import { type GraphQuery, graphQuerySchema } from "./schema";
import type { GraphView } from "./views";

/** The neighbourhood of one persona, `depth` persona hops out (1 to 3). */
export async function personaGraph({
  actor,
  personaId,
  query,
}: {
  actor: Actor;
  personaId: string;
  query: GraphQuery;
}): Promise<GraphView> {
  const { depth } = parseOrThrow(graphQuerySchema, query, "Invalid graph query");
  await loadPersona(db, actor, personaId);
  return buildGraph(db, actor, [personaId], { depth });
}

/** The case's personas, their identifiers, and every persona the actor may see one hop beyond them. */
export async function caseGraph({ actor, caseId }: { actor: Actor; caseId: string }): Promise<GraphView> {
  const { access } = await loadCase(db, actor, caseId);
  authorize(actor, "case:read", { case: access }, "Case");
  authorize(actor, "persona:read");
  const rows = await db
    .select({ personaId: casePersonas.personaId })
    .from(casePersonas)
    .where(eq(casePersonas.caseId, caseId));
  const seeds = rows.map((r) => r.personaId);
  if (seeds.length === 0) return { nodes: [], edges: [], truncated: false };
  return buildGraph(db, actor, seeds, { depth: 1, inCase: new Set(seeds) });
}
