// GET /api/review/candidates — the review queue: open candidate pairs across the reader's cases, strongest first.
import { withActor } from "@/lib/api/handler";
import { reviewQueueQuerySchema } from "@/lib/personas/candidate-views";
import { listReviewQueue } from "@/lib/personas/list-review-queue";

export const GET = withActor({ permission: "persona:write", query: reviewQueueQuerySchema }, async ({ actor, query }) =>
  listReviewQueue({ actor, query }),
);
