import { desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { caseAccessRequests, users } from "@/db/schema";
import type { AccessRequestView } from "./views";

const requester = alias(users, "requester");
const decider = alias(users, "decider");

/** Access requests matching `where`, newest first, with the people they name. */
export async function selectAccessRequests(runner: DbOrTx, where: SQL | undefined): Promise<AccessRequestView[]> {
  const rows = await runner
    .select({
      request: caseAccessRequests,
      user: { id: users.id, name: users.name, email: users.email, role: users.role },
      requester: { id: requester.id, name: requester.name, email: requester.email },
      decider: { id: decider.id, name: decider.name, email: decider.email },
    })
    .from(caseAccessRequests)
    .innerJoin(users, eq(users.id, caseAccessRequests.userId))
    .leftJoin(requester, eq(requester.id, caseAccessRequests.requestedById))
    .leftJoin(decider, eq(decider.id, caseAccessRequests.decidedById))
    .where(where)
    .orderBy(desc(caseAccessRequests.createdAt), desc(caseAccessRequests.id));
  return rows.map(({ request, user, requester: by, decider: dec }) => ({
    id: request.id,
    kind: request.kind,
    status: request.status,
    user,
    requestedBy: by,
    message: request.message,
    createdAt: request.createdAt.toISOString(),
    decidedBy: dec,
    decidedAt: request.decidedAt?.toISOString() ?? null,
  }));
}
