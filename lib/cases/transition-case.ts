import { eq } from "drizzle-orm";
import { db } from "@/db";
import { cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
// Whether a case is referred decides whether legal sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { AppError, parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { toCaseDetail } from "./present";
import { type TransitionInput, transitionSchema } from "./schema";
import type { CaseDetail } from "./views";
import { checkTransition } from "./workflow";
import { assertFiledReferral } from "@/lib/referrals/guards";
import { assertNoOpenTasks } from "@/lib/remediation/guards";

export async function transitionCase({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: TransitionInput;
}): Promise<CaseDetail> {
  const data = parseOrThrow(transitionSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "case:transition", { case: access }, "Case");
      if (data.version !== undefined && data.version !== row.version) {
        throw new AppError("conflict", "Someone else changed this case since you opened it", {
          current: await toCaseDetail(tx, actor, row, access),
        });
      }
      const problem = checkTransition(row.status, data.to, data.reason);
      if (problem?.kind === "illegal") {
        throw new AppError("conflict", `A case in ${row.status} cannot move to ${data.to}`, {
          from: row.status,
          allowed: problem.allowed,
        });
      }
      if (problem?.kind === "reason_required")
        throw new AppError("bad_request", problem.message, [{ path: "reason", message: problem.message }]);
      if (data.to === "closed") await assertNoOpenTasks(tx, caseId);
      if (data.to === "referred") await assertFiledReferral(tx, caseId);
      const now = new Date();
      const final = data.to === "closed" || data.to === "cleared";
      const reopening = row.status === "closed" || row.status === "cleared";
      const [updated] = await tx
        .update(cases)
        .set({
          status: data.to,
          version: row.version + 1,
          ...(data.to === "contained" && !row.containedAt ? { containedAt: now } : {}),
          ...(final ? { closedAt: now, closingReason: data.reason?.trim() ?? null } : {}),
          ...(reopening ? { closedAt: null, closingReason: null } : {}),
        })
        .where(eq(cases.id, caseId))
        .returning();
      if (!updated) throw AppError.notFound("Case");
      // Read before the audit event: the chain stays locked from the append to the commit.
      const answer = await toCaseDetail(tx, actor, updated, { ...access, status: updated.status });
      await recordAudit(tx, {
        actor,
        action: reopening ? "case.reopen" : "case.transition",
        entityType: "case",
        entityId: caseId,
        caseId,
        detail: { from: row.status, to: data.to, ...(data.reason ? { reason: data.reason.trim() } : {}) },
      });
      return answer;
    }),
  );
}
