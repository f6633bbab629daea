import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { loadCase } from "./access";
import { collectTimeline } from "./collect-timeline";
import type { CaseTimeline } from "./timeline-views";

/** The case's events by their own dates; a case the actor may not see is not found. */
export async function getCaseTimeline({ actor, caseId }: { actor: Actor; caseId: string }): Promise<CaseTimeline> {
  // Read in one snapshot so an event cannot show from one table and miss from another.
  return db.transaction(
    async (tx) => {
      const { access } = await loadCase(tx, actor, caseId);
      authorize(actor, "case:read", { case: access }, "Case");
      return collectTimeline(tx, caseId);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
