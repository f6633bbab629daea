// GET /api/directory?q= — active colleagues to pick as lead or member.
import { withActor } from "@/lib/api/handler";
import { directoryQuerySchema } from "@/lib/users/schema";
import { searchDirectory } from "@/lib/users/directory";

export const GET = withActor({ query: directoryQuerySchema }, async ({ actor, query }) => ({
  items: await searchDirectory({ actor, query }),
}));
