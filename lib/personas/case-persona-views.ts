import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { casePersonas, personas } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { summaryColumns, toPersonaSummary } from "./present";
import type { CasePersonaView } from "./views";

export async function casePersonaViews(
  runner: DbOrTx,
  actor: Actor,
  caseId: string,
  personaId?: string,
): Promise<CasePersonaView[]> {
  const rows = await runner
    .select({ ...summaryColumns(actor), role: casePersonas.role, addedAt: casePersonas.addedAt })
    .from(casePersonas)
    .innerJoin(personas, eq(personas.id, casePersonas.personaId))
    .where(and(eq(casePersonas.caseId, caseId), personaId ? eq(casePersonas.personaId, personaId) : undefined))
    .orderBy(asc(casePersonas.role), asc(personas.displayName));
  return rows.map((r) => ({ ...toPersonaSummary(r), role: r.role, addedAt: r.addedAt.toISOString() }));
}
