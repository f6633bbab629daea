import { and, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { ACCESS_REQUEST_ANSWER } from "./constants";
import { type AccessRequestInput, accessRequestInputSchema } from "./schema";

/** After a request is decided, the same person may ask again for the same case only this much later. */
export const ACCESS_REQUEST_COOLDOWN_MS = 24 * 60 * 60 * 1000;

/**
 * Someone who reached a case they may not see asks its lead for access. The answer is the same
 * whether the case exists, is hidden from them, or is one they already see: anything else would
 * tell a visitor which ids are real cases (the case page's 404 offers this for every id). A request
 * is recorded only for a case that exists and is hidden from the asker; one per user and case waits
 * at a time, and after a decision they may ask again only once the cool-down has passed.
 */
export async function requestAccess({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: AccessRequestInput;
}): Promise<{ message: string }> {
  const data = parseOrThrow(accessRequestInputSchema, input);
  authorize(actor, "case:request_access");
  const answer = { message: ACCESS_REQUEST_ANSWER };
  await db.transaction(async (tx) => {
    const found = await loadCase(tx, actor, caseId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    });
    if (!found || can(actor, "case:read", { case: found.access })) return;
    const [recent] = await tx
      .select({ id: caseAccessRequests.id })
      .from(caseAccessRequests)
      .where(
        and(
          eq(caseAccessRequests.caseId, caseId),
          eq(caseAccessRequests.userId, actor.id),
          eq(caseAccessRequests.kind, "access"),
          gt(caseAccessRequests.createdAt, new Date(Date.now() - ACCESS_REQUEST_COOLDOWN_MS)),
        ),
      )
      .limit(1);
    if (recent) return;
    const [row] = await tx
      .insert(caseAccessRequests)
      .values({ caseId, kind: "access", userId: actor.id, requestedById: actor.id, message: data.message })
      // A pending request of theirs made at the same moment: one is enough.
      .onConflictDoNothing()
      .returning({ id: caseAccessRequests.id });
    if (!row) return;
    await recordAudit(tx, {
      actor,
      action: "case.access_request",
      entityType: "case",
      entityId: caseId,
      caseId,
      detail: { requestId: row.id, userId: actor.id, message: data.message || null },
    });
  });
  return answer;
}
