import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
// Who is in a case decides who sees its personas.
import { changesGraph } from "@/lib/graph/cache";
import { parseOrThrow } from "@/lib/errors";
import { loadCase } from "./access";
import { putMember } from "./put-member";
import { type MemberInput, memberInputSchema } from "./schema";
import type { CaseMemberView } from "./views";

/** Adding someone gives them access to the case at once. */
export async function addMember({
  actor,
  caseId,
  input,
}: {
  actor: Actor;
  caseId: string;
  input: MemberInput;
}): Promise<CaseMemberView> {
  const data = parseOrThrow(memberInputSchema, input);
  return changesGraph(
    db.transaction(async (tx) => {
      const { row, access } = await loadCase(tx, actor, caseId, { forUpdate: true });
      authorize(actor, "case:manage_members", { case: access }, "Case");
      return putMember(tx, {
        actor,
        caseId,
        leadId: row.leadId,
        who: data.userId ? { userId: data.userId } : { email: data.email ?? "" },
        role: data.role,
      });
    }),
  );
}
