import { withActor } from "@/lib/api/handler";
import { searchQuerySchema } from "@/lib/search/schema";
import { search } from "@/lib/search/search";

// GET /api/search?q= — everything the reader may see that matches, grouped by kind.
export const GET = withActor({ query: searchQuerySchema }, ({ actor, query }) =>
  search({ actor, q: query.q, limit: query.limit }),
);
