import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { disclosures, referrals, remediationTasks, users } from "@/db/schema";
import { destinationLabel } from "@/lib/referrals/destinations";
import { iso, type PackReferral, type PackTask } from "./data";

export async function readTasks(runner: DbOrTx, caseId: string): Promise<PackTask[]> {
  const rows = await runner
    .select({ t: remediationTasks, owner: users.name })
    .from(remediationTasks)
    .leftJoin(users, eq(users.id, remediationTasks.ownerId))
    .where(eq(remediationTasks.caseId, caseId))
    .orderBy(asc(remediationTasks.position), asc(remediationTasks.createdAt));
  return rows.map(({ t, owner }) => ({
    title: t.title,
    kind: t.kind,
    status: t.status,
    owner,
    dueAt: iso(t.dueAt),
    completedAt: iso(t.completedAt),
    completionNote: t.completionNote,
  }));
}

export async function readReferrals(runner: DbOrTx, caseId: string): Promise<PackReferral[]> {
  const rows = await runner
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, caseId))
    .orderBy(asc(referrals.createdAt));
  const ids = rows.map((r) => r.id);
  const logged = ids.length
    ? await runner
        .select()
        .from(disclosures)
        .where(inArray(disclosures.referralId, ids))
        .orderBy(asc(disclosures.sentAt))
    : [];
  return rows.map((r) => ({
    destination: destinationLabel(r.destination, r.destinationName),
    status: r.status,
    referenceNo: r.referenceNo,
    submittedAt: iso(r.submittedAt),
    acknowledgedAt: iso(r.acknowledgedAt),
    closedAt: iso(r.closedAt),
    deadlineAt: iso(r.deadlineAt),
    disclosures: logged
      .filter((d) => d.referralId === r.id)
      .map((d) => ({ sentAt: d.sentAt.toISOString(), what: d.what, recipient: d.recipient, sha256: d.sha256 })),
  }));
}
