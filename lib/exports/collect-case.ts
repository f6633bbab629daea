import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents, caseMembers, cases, custodyEvents, evidence, users } from "@/db/schema";
import { actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { custodyDetailForReaders } from "@/lib/evidence/custody";
import { exhibitLabel } from "@/lib/evidence/views";
import {
  type CustodyRecord,
  iso,
  type PackAuditEvent,
  type PackCase,
  type PackEvidence,
  type PackWithdrawn,
} from "./data";

export async function readCase(runner: DbOrTx, caseId: string): Promise<PackCase> {
  const [found] = await runner
    .select({ row: cases, leadName: users.name, leadEmail: users.email })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.leadId))
    .where(eq(cases.id, caseId));
  if (!found) throw AppError.notFound("Case");
  const { row } = found;
  const members = await runner
    .select({ name: users.name, email: users.email, role: caseMembers.role })
    .from(caseMembers)
    .innerJoin(users, eq(users.id, caseMembers.userId))
    .where(eq(caseMembers.caseId, caseId))
    .orderBy(asc(users.name));
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    summary: row.summary,
    status: row.status,
    severity: row.severity,
    tags: row.tags,
    lead: found.leadName !== null && found.leadEmail !== null ? { name: found.leadName, email: found.leadEmail } : null,
    members,
    subject: {
      name: row.subjectName,
      role: row.subjectRole,
      team: row.subjectTeam,
      hiringChannel: row.subjectHiringChannel,
      startDate: row.subjectStartDate,
      accessLevel: row.subjectAccessLevel,
      location: row.subjectLocation,
    },
    openedAt: row.openedAt.toISOString(),
    containedAt: iso(row.containedAt),
    closedAt: iso(row.closedAt),
    closingReason: row.closingReason,
    dueDate: row.dueDate,
  };
}

/** Live items in exhibit order, each with its whole custody log, oldest first. */
export async function readEvidence(runner: DbOrTx, caseId: string): Promise<PackEvidence[]> {
  const rows = await runner
    .select({ row: evidence, name: users.name, email: users.email })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.uploadedById))
    .where(and(eq(evidence.caseId, caseId), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.exhibitNo));
  const ids = rows.map((r) => r.row.id);
  const events = ids.length
    ? await runner
        .select()
        .from(custodyEvents)
        .where(inArray(custodyEvents.evidenceId, ids))
        .orderBy(asc(custodyEvents.at), asc(custodyEvents.id))
    : [];
  const byItem = new Map<string, CustodyRecord[]>();
  for (const e of events) {
    const list = byItem.get(e.evidenceId) ?? [];
    list.push({
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorLabel,
      ip: e.ip,
      detail: custodyDetailForReaders(e.detail),
    });
    byItem.set(e.evidenceId, list);
  }
  return rows.map(({ row, name, email }) => ({
    id: row.id,
    exhibitNo: exhibitLabel(row.exhibitNo),
    exhibitNumber: row.exhibitNo,
    title: row.title,
    kind: row.kind,
    description: row.description,
    sha256: row.sha256,
    size: row.size,
    mimeType: row.mimeType,
    claimedMimeType: row.claimedMimeType,
    originalName: row.originalName,
    collectedAt: iso(row.collectedAt),
    collectedBy: row.collectedBy,
    source: row.source,
    privileged: row.privileged,
    legalHold: row.legalHold,
    holdReason: row.holdReason,
    uploadedBy: name !== null && email !== null ? actorLabel({ name, email }) : null,
    createdAt: row.createdAt.toISOString(),
    custody: byItem.get(row.id) ?? [],
  }));
}

export async function readWithdrawn(runner: DbOrTx, caseId: string): Promise<PackWithdrawn[]> {
  const rows = await runner
    .select({
      exhibitNo: evidence.exhibitNo,
      title: evidence.title,
      deletedAt: evidence.deletedAt,
      reason: evidence.deleteReason,
    })
    .from(evidence)
    .where(and(eq(evidence.caseId, caseId), isNotNull(evidence.deletedAt)))
    .orderBy(asc(evidence.exhibitNo));
  return rows.map((r) => ({
    exhibitNo: exhibitLabel(r.exhibitNo),
    title: r.title,
    deletedAt: iso(r.deletedAt),
    reason: r.reason,
  }));
}

export async function readAudit(runner: DbOrTx, caseId: string): Promise<PackAuditEvent[]> {
  const rows = await runner
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.caseId, caseId))
    .orderBy(asc(auditEvents.seq));
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    detail: r.detail,
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}
