// GET /api/networks — networks of personas the caller may see, largest first.
import { withActor } from "@/lib/api/handler";
import { listNetworks } from "@/lib/graph/networks";
import { networksQuerySchema } from "@/lib/graph/schema";

export const GET = withActor({ query: networksQuerySchema }, async ({ actor, query }) =>
  listNetworks({ actor, query }),
);
