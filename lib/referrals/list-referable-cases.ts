import { and, desc, ilike, or } from "drizzle-orm";
import { db } from "@/db";
import { cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { caseVisibleTo } from "@/lib/cases/access";
import { parseOrThrow } from "@/lib/errors";
import { referralManageableBy } from "./access";
import { type ReferableCasesQuery, referableCasesQuerySchema } from "./schema";
import type { ReferableCase } from "./views";

const PICKER_LIMIT = 20;

/** `%`, `_` and `\` match themselves in a search. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The cases the actor sees and may draft a referral on, for the Referrals page's case picker:
 * matching `q` in the reference or title, most recently updated first.
 */
export async function listReferableCases({
  actor,
  query,
}: {
  actor: Actor;
  query?: ReferableCasesQuery;
}): Promise<{ items: ReferableCase[] }> {
  const { q } = parseOrThrow(referableCasesQuerySchema, query ?? {});
  authorize(actor, "referral:work");
  const items = await db
    .select({ id: cases.id, ref: cases.ref, title: cases.title, status: cases.status })
    .from(cases)
    .where(
      and(
        caseVisibleTo(actor),
        referralManageableBy(actor),
        q ? or(ilike(cases.ref, likePattern(q)), ilike(cases.title, likePattern(q))) : undefined,
      ),
    )
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(PICKER_LIMIT);
  return { items };
}
