import { and, desc, eq, exists, notExists, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests, cases, referrals, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { caseVisibleTo } from "@/lib/cases/access";
import { referralManageableBy } from "./access";
import type { ReferralQueueView } from "./views";

const QUEUE_LIMIT = 200;

/**
 * Legal's queue: cases whose review by legal was asked for and that have no referral yet or one
 * still in draft, among those the actor sees and may draft referrals on; most recently asked first.
 */
export async function listReferralQueue({ actor }: { actor: Actor }): Promise<ReferralQueueView> {
  authorize(actor, "referral:work");
  const reviewAsked = and(eq(caseAccessRequests.caseId, cases.id), eq(caseAccessRequests.kind, "legal_review"));
  const referralOf = eq(referrals.caseId, cases.id);
  const lastAsked = db
    .select({
      caseId: caseAccessRequests.caseId,
      at: sql<Date>`max(${caseAccessRequests.createdAt})`.as("at"),
      by: sql<string | null>`(array_agg(${users.name} order by ${caseAccessRequests.createdAt} desc))[1]`.as("by"),
    })
    .from(caseAccessRequests)
    .leftJoin(users, eq(users.id, caseAccessRequests.requestedById))
    .where(eq(caseAccessRequests.kind, "legal_review"))
    .groupBy(caseAccessRequests.caseId)
    .as("last_asked");
  const rows = await db
    .select({
      id: cases.id,
      ref: cases.ref,
      title: cases.title,
      status: cases.status,
      severity: cases.severity,
      requestedAt: lastAsked.at,
      requestedBy: lastAsked.by,
      drafts: sql<number>`(select count(*) from ${referrals} where ${referrals.caseId} = ${cases.id} and ${referrals.status} = 'draft')`,
    })
    .from(cases)
    .innerJoin(lastAsked, eq(lastAsked.caseId, cases.id))
    .where(
      and(
        caseVisibleTo(actor),
        referralManageableBy(actor),
        exists(
          db
            .select({ one: sql`1` })
            .from(caseAccessRequests)
            .where(reviewAsked),
        ),
        or(
          notExists(
            db
              .select({ one: sql`1` })
              .from(referrals)
              .where(referralOf),
          ),
          exists(
            db
              .select({ one: sql`1` })
              .from(referrals)
              .where(and(referralOf, eq(referrals.status, "draft"))),
          ),
        ),
      ),
    )
    .orderBy(desc(lastAsked.at), desc(cases.id))
    .limit(QUEUE_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      status: r.status,
      severity: r.severity,
      requestedAt: new Date(r.requestedAt).toISOString(),
      requestedBy: r.requestedBy,
      draftReferrals: Number(r.drafts),
    })),
  };
}
