import { and, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { casePersonas, cases, identifiers, personaIdentifiers, remediationTasks, sanctionsKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { raiseSystemFlag } from "@/lib/personas/raise-system-flag";
import { ofacDeadline } from "@/lib/referrals/deadlines";
import { sanctionsSourceLabels } from "./constants";
import { currentListIds } from "./current-lists";
import { activeDismissals, coveringDismissal } from "./dismissals";
import { hitRows, matchKindOf } from "./hit-rows";

export const SANCTIONS_FLAG = "SANCTIONS_HIT";
/** The identifier types the lists carry: only these can make a hit. */
export const screenedTypes: ReadonlySet<string> = new Set(["crypto_wallet", "email", "domain", "government_id"]);
export const DO_NOT_PAY_TITLE = "Do not pay: consult counsel on blocking and reporting";
// One such task per case: the unique (case, template, step) makes a second hit add nothing.
const DO_NOT_PAY = { templateId: "sanctions-hit", templateStep: 1 } as const;

/**
 * Records what screening found, as the system: a persona with an identifier on a current list
 * gets the SANCTIONS_HIT red flag (naming the entry, what matched and the list version) and each
 * open case it is in a "Do not pay" task due by OFAC's blocked-property report deadline (10 US
 * business days). A persona already flagged is left as it is. Runs in the caller's transaction.
 */
export async function raiseSanctionsFlags(tx: Tx, personaIds: readonly string[], now = new Date()): Promise<string[]> {
  if (personaIds.length === 0) return [];
  const listIds = await currentListIds(tx);
  if (listIds.length === 0) return [];
  const firstHit = new Map<string, Awaited<ReturnType<typeof hitRows>>[number]>();
  const rows = await hitRows(tx, personaIds, listIds);
  // A hit someone dismissed is not raised again while the same values match it.
  const dismissed = rows.length === 0 ? [] : await activeDismissals(tx, [...new Set(rows.map((r) => r.personaId))]);
  for (const row of rows) {
    const matched = [{ kind: matchKindOf[row.kind] ?? row.kind, value: row.value }];
    if (coveringDismissal(dismissed, row.personaId, row.list.source, row.entNum, matched)) continue;
    if (!firstHit.has(row.personaId)) firstHit.set(row.personaId, row);
  }
  if (firstHit.size === 0) return [];
  const raised: string[] = [];
  for (const [personaId, hit] of firstHit) {
    const note = `${sanctionsSourceLabels[hit.list.source]} of ${hit.list.publishedAt ?? "unknown date"}: ${hit.name} (${hit.programs.join(", ") || "no program"}, entry ${hit.entNum}), ${matchKindOf[hit.kind] ?? hit.kind} ${hit.value}`;
    const raisedNow = await raiseSystemFlag(tx, {
      personaId,
      code: SANCTIONS_FLAG,
      note,
      detail: { by: "sanctions screening", listVersion: hit.list.id },
    });
    if (!raisedNow) continue;
    raised.push(personaId);
    await addDoNotPayTasks(tx, personaId, note, now);
  }
  return raised;
}

async function addDoNotPayTasks(tx: Tx, personaId: string, note: string, now: Date): Promise<void> {
  const open = await tx
    .select({ caseId: cases.id, leadId: cases.leadId })
    .from(casePersonas)
    .innerJoin(cases, eq(cases.id, casePersonas.caseId))
    .where(and(eq(casePersonas.personaId, personaId), notInArray(cases.status, ["closed", "cleared"])));
  const dueAt = ofacDeadline(now);
  for (const c of open) {
    const [task] = await tx
      .insert(remediationTasks)
      .values({
        caseId: c.caseId,
        kind: "stop_payroll",
        title: DO_NOT_PAY_TITLE,
        ownerId: c.leadId,
        dueAt,
        ...DO_NOT_PAY,
        position: sql`(select coalesce(max(${remediationTasks.position}), -1) + 1 from ${remediationTasks} where ${remediationTasks.caseId} = ${c.caseId})`,
        createdById: null,
      })
      .onConflictDoNothing({
        target: [remediationTasks.caseId, remediationTasks.templateId, remediationTasks.templateStep],
      })
      .returning({ id: remediationTasks.id });
    if (!task) continue;
    await recordAudit(tx, {
      actor: null,
      action: "task.create",
      entityType: "task",
      entityId: task.id,
      caseId: c.caseId,
      detail: { kind: "stop_payroll", title: DO_NOT_PAY_TITLE, dueAt: dueAt.toISOString(), reason: note },
    });
  }
}

/** The personas holding an identifier of this list version, in id order: who to screen when it arrives. */
export async function personasOnList(runner: DbOrTx, listId: string): Promise<string[]> {
  const rows = await runner
    .selectDistinct({ personaId: personaIdentifiers.personaId })
    .from(sanctionsKeys)
    .innerJoin(
      identifiers,
      and(eq(identifiers.type, sanctionsKeys.type), eq(identifiers.normalizedValue, sanctionsKeys.normalizedValue)),
    )
    .innerJoin(personaIdentifiers, eq(personaIdentifiers.identifierId, identifiers.id))
    .where(eq(sanctionsKeys.listId, listId))
    .orderBy(personaIdentifiers.personaId);
  return rows.map((r) => r.personaId);
}
