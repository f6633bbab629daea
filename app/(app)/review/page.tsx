import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewQueue } from "@/components/review/review-queue";
import { PageHeader } from "@/components/shell/page-header";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { reviewQueueQuerySchema } from "@/lib/personas/candidate-views";
import { listReviewQueue, REVIEW_PAGE_SIZE } from "@/lib/personas/list-review-queue";

export const metadata: Metadata = { title: "Review matches" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  // The layout refuses too, but Next renders the page beside it: refuse here before reading the queue.
  if (!can(actor, "persona:write")) notFound();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined && k === "page") raw.append(k, item);
  const parsed = reviewQueueQuerySchema.safeParse(searchParamsToObject(raw));
  const data = parsed.success
    ? await listReviewQueue({ actor, query: parsed.data })
    : { items: [], total: 0, page: 1, pageSize: REVIEW_PAGE_SIZE };
  return (
    <>
      <PageHeader
        title="Review matches"
        description="Personas in your cases that may be the same operator, scored and explained. Confirm or reject each pair with a reason; nothing is linked until a person decides."
      />
      <ReviewQueue initial={data} />
    </>
  );
}
