import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { type Referral, referrals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { AppError, parseOrThrow } from "@/lib/errors";
import { toInstant } from "@/lib/remediation/fields";
import { loadReferral } from "./access";
import { ofacDeadline } from "./deadlines";
import { findReferralViews } from "./present";
import { type ReferralInput, referralInputSchema, type ReferralUpdate, referralUpdateSchema } from "./schema";
import type { CaseReferralsView, ReferralView } from "./views";

/** The view of one referral as the actor sees it, read inside the writing transaction. */
export async function referralView(runner: DbOrTx, actor: Actor, referralId: string): Promise<ReferralView> {
  const [view] = await findReferralViews(runner, actor, eq(referrals.id, referralId));
  if (!view) throw AppError.notFound("Referral");
  return view;
}

/** An explicit deadline wins; for OFAC a blocking date gives 10 US business days. */
function deadlineFrom(destination: Referral["destination"], deadlineAt: string | null | undefined, blockedAt: string | null | undefined): Date | null | undefined {
  if (deadlineAt !== undefined) return deadlineAt ? toInstant(deadlineAt, "end") : null;
  if (destination === "ofac_vsd" && blockedAt) return ofacDeadline(toInstant(blockedAt, "start"));
  return undefined;
}

export async function listCaseReferrals({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseReferralsView> {
  const kase = await loadCase(db, actor, caseId);
  authorize(actor, "referral:read", { case: kase.access }, "Case");
  const items = await findReferralViews(db, actor, eq(referrals.caseId, caseId));
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { items, permissions: { manage: can(actor, "referral:manage", { case: kase.access }) } };
}

export async function createReferral({ actor, caseId, input }: { actor: Actor; caseId: string; input: ReferralInput }): Promise<ReferralView> {
  const data = parseOrThrow(referralInputSchema, input);
  return db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, { forUpdate: true });
    authorize(actor, "referral:manage", { case: kase.access }, "Case");
    const [row] = await tx
      .insert(referrals)
      .values({
        caseId,
        destination: data.destination,
        destinationName: data.destinationName || null,
        contact: data.contact || null,
        deadlineAt: deadlineFrom(data.destination, data.deadlineAt, data.blockedAt) ?? null,
        notes: data.notes,
        referenceNo: data.referenceNo || null,
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("referral insert returned nothing");
    await recordAudit(tx, {
      actor,
      action: "referral.create",
      entityType: "referral",
      entityId: row.id,
      caseId,
      detail: { destination: row.destination, destinationName: row.destinationName, deadlineAt: row.deadlineAt?.toISOString() ?? null, blockedAt: data.blockedAt ?? null },
    });
    return referralView(tx, actor, row.id);
  });
}

export async function getReferral({ actor, referralId }: { actor: Actor; referralId: string }): Promise<ReferralView> {
  await loadReferral(db, actor, referralId, "referral:read");
  return referralView(db, actor, referralId);
}

const tracked = ["destination", "destinationName", "contact", "deadlineAt", "notes", "referenceNo"] as const;
const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

export async function updateReferral({ actor, referralId, input }: { actor: Actor; referralId: string; input: ReferralUpdate }): Promise<ReferralView> {
  const data = parseOrThrow(referralUpdateSchema, input);
  return db.transaction(async (tx) => {
    const { referral: r } = await loadReferral(tx, actor, referralId, "referral:manage", { forUpdate: true });
    const destination = data.destination ?? r.destination;
    if (destination !== r.destination && r.status !== "draft") throw new AppError("conflict", "The destination is fixed once the referral has been submitted");
    const next = {
      destination,
      destinationName: data.destinationName === undefined ? r.destinationName : data.destinationName || null,
      contact: data.contact === undefined ? r.contact : data.contact || null,
      deadlineAt: deadlineFrom(destination, data.deadlineAt, data.blockedAt) ?? (data.deadlineAt === null ? null : r.deadlineAt),
      notes: data.notes ?? r.notes,
      referenceNo: data.referenceNo === undefined ? r.referenceNo : data.referenceNo || null,
    };
    if (next.destination === "other" && !next.destinationName) throw bad("destinationName", "Name the destination when it is `other`");
    if (data.blockedAt && destination !== "ofac_vsd") throw bad("blockedAt", "blockedAt applies to OFAC referrals only");
    if (!next.referenceNo && r.status !== "draft") throw bad("referenceNo", "A submitted referral keeps its reference number");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of tracked) {
      const from = r[key] instanceof Date ? r[key].toISOString() : r[key];
      const value = next[key];
      const to = value instanceof Date ? value.toISOString() : value;
      if (from !== to) changes[key] = { from, to };
    }
    if (Object.keys(changes).length === 0) return referralView(tx, actor, referralId);
    await tx.update(referrals).set(next).where(eq(referrals.id, referralId));
    await recordAudit(tx, {
      actor,
      action: "referral.update",
      entityType: "referral",
      entityId: referralId,
      caseId: r.caseId,
      detail: { changes, ...(data.blockedAt ? { blockedAt: data.blockedAt } : {}) },
    });
    return referralView(tx, actor, referralId);
  });
}
