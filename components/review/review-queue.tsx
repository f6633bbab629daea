"use client";

import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { explainError } from "@/lib/client/api";
import { useReviewQueue } from "@/lib/client/hooks/use-review";
import { useUrlState } from "@/lib/client/use-url-state";
import { formatCount } from "@/lib/format";
import type { ReviewQueue as ReviewQueueData } from "@/lib/personas/candidate-views";
import { ReviewPairCard } from "./review-pair";

/** The open candidate pairs, strongest first; the page lives in the URL. */
export function ReviewQueue({ initial }: { initial: ReviewQueueData }) {
  const { searchParams, set } = useUrlState();
  const page = Math.max(1, Number(searchParams.get("page") ?? initial.page) || 1);
  const queue = useReviewQueue(page, initial);
  const status = useRef<HTMLParagraphElement>(null);
  const data = queue.data;
  if (queue.error) return <Alert tone="error">{explainError(queue.error)}</Alert>;
  if (!data) return null;
  if (data.items.length === 0)
    return (
      <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
        {data.total > 0
          ? "No pairs on this page. Go back to the first page."
          : "No possible matches to review. Pairs appear here when personas in your cases share a mailbox, a phone, a rare identifier or a name written another way; add identifiers on the persona pages and come back."}
      </p>
    );
  return (
    <div className="flex flex-col gap-4">
      {/* Focus lands here after a decision, so a keyboard user carries on from the top of the queue. */}
      <p ref={status} tabIndex={-1} role="status" className="text-sm text-muted-foreground outline-none">
        {formatCount(data.total, "open pair")}, strongest first. Nothing is linked until you confirm.
      </p>
      {data.items.map((pair) => (
        <ReviewPairCard
          key={`${pair.left.id}:${pair.right.id}`}
          pair={pair}
          onDecided={() => status.current?.focus()}
        />
      ))}
      <Pager
        data={data}
        onPage={(p) => set({ page: String(p) }, { resetPage: false })}
        hideSinglePage
        label="Review pages"
      />
    </div>
  );
}
