// GET /api/tasks?owner=me&status=open — tasks across the cases you see, soonest due first.
import { withActor } from "@/lib/api/handler";
import { listMyTasks } from "@/lib/remediation/list-my-tasks";
import { myTasksQuerySchema } from "@/lib/remediation/schema";

export const GET = withActor({ query: myTasksQuerySchema }, async ({ actor, query }) => listMyTasks({ actor, query }));
