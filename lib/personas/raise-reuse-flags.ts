import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { identifiers, personaIdentifiers, personas, type PersonaStatus } from "@/db/schema";
import { uuidArray } from "@/lib/sql";
import { raiseSystemFlag } from "./raise-system-flag";

export const REUSE_FLAG = "REUSED_IDENTIFIER";
// Someone has already judged these personas (not the operator, or the operator's victim): an
// identifier they share with a confirmed persona is expected, not a sign against them.
const judged: ReadonlySet<PersonaStatus> = new Set(["cleared", "stolen_identity_victim"]);

interface Claim {
  identifierId: string;
  personaId: string;
  status: PersonaStatus;
  type: string;
  value: string;
}

async function claimsOn(tx: Tx, identifierIds: readonly string[]): Promise<Claim[]> {
  if (identifierIds.length === 0) return [];
  return tx
    .select({
      identifierId: personaIdentifiers.identifierId,
      personaId: personaIdentifiers.personaId,
      status: personas.status,
      type: identifiers.type,
      value: sql<string>`coalesce(${personaIdentifiers.value}, ${identifiers.value})`,
    })
    .from(personaIdentifiers)
    .innerJoin(personas, eq(personas.id, personaIdentifiers.personaId))
    .innerJoin(identifiers, eq(identifiers.id, personaIdentifiers.identifierId))
    .where(sql`${personaIdentifiers.identifierId} = any(${uuidArray(identifierIds)})`)
    .orderBy(personaIdentifiers.identifierId, personaIdentifiers.personaId);
}

/**
 * Flags, as the system, each persona in `targets` (with the claim that makes it a reuse). The note
 * names only the flagged persona's own identifier, never the confirmed persona: the flag is read
 * by whoever may see the flagged persona, who may not see the other one (need-to-know). Which
 * confirmed personas hold it is worked out per reader when the flag is shown. A persona already
 * flagged is left as it is.
 */
async function raise(tx: Tx, targets: Map<string, { claim: Claim; confirmedId: string }>): Promise<string[]> {
  const raised: string[] = [];
  for (const [personaId, { claim, confirmedId }] of targets) {
    const note = `Shares the ${claim.type.replace(/_/g, " ")} ${claim.value} with a confirmed persona`;
    const raisedNow = await raiseSystemFlag(tx, {
      personaId,
      code: REUSE_FLAG,
      note,
      detail: { by: "identifier reuse", identifierId: claim.identifierId, confirmedPersonaId: confirmedId },
    });
    if (raisedNow) raised.push(personaId);
  }
  return raised;
}

/**
 * A persona has just claimed an identifier: it is flagged if a confirmed persona already holds
 * it, and when it is itself confirmed, every other holder is. Only the pairs this claim makes are
 * looked at, so a flag someone removed comes back only with a new shared identifier, not with
 * any later change. Runs in the caller's transaction.
 */
export async function flagReuseOfClaim(tx: Tx, personaId: string, identifierId: string): Promise<string[]> {
  const claims = await claimsOn(tx, [identifierId]);
  const own = claims.find((c) => c.personaId === personaId);
  if (!own) return [];
  const others = claims.filter((c) => c.personaId !== personaId);
  const targets = new Map<string, { claim: Claim; confirmedId: string }>();
  const confirmedOther = others.find((c) => c.status === "confirmed");
  if (confirmedOther && !judged.has(own.status))
    targets.set(personaId, { claim: own, confirmedId: confirmedOther.personaId });
  if (own.status === "confirmed")
    for (const c of others) if (!judged.has(c.status)) targets.set(c.personaId, { claim: c, confirmedId: personaId });
  return raise(tx, targets);
}

/**
 * A persona has just become confirmed: every other persona holding one of its identifiers is
 * flagged (the persona's own flags are not touched: its claims were looked at when they were made).
 */
export async function flagReuseOfConfirmed(
  tx: Tx,
  personaId: string,
  { except }: { except?: ReadonlySet<string> } = {},
): Promise<string[]> {
  const own = await tx
    .select({ identifierId: personaIdentifiers.identifierId })
    .from(personaIdentifiers)
    .where(eq(personaIdentifiers.personaId, personaId));
  const claims = await claimsOn(
    tx,
    own.map((o) => o.identifierId),
  );
  const targets = new Map<string, { claim: Claim; confirmedId: string }>();
  for (const c of claims)
    if (c.personaId !== personaId && !judged.has(c.status) && !targets.has(c.personaId) && !except?.has(c.personaId))
      targets.set(c.personaId, { claim: c, confirmedId: personaId });
  return raise(tx, targets);
}
