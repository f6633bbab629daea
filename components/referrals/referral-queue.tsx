"use client";

import { LocalDate } from "@/components/ui/local-time";
import Link from "next/link";
import { CaseStatusBadge, SeverityBadge } from "@/components/cases/case-badges";
import { Alert } from "@/components/ui/alert";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useReferralQueue } from "@/lib/client/hooks/use-referrals";
import { formatCount } from "@/lib/format";
import type { ReferralQueueView } from "@/lib/referrals/views";

/** Legal's queue: each case links to its Referrals tab, where the referral is drafted or finished. */
export function ReferralQueue({ initial }: { initial: ReferralQueueView }) {
  const queue = useReferralQueue(initial);
  const items = queue.data?.items ?? [];
  if (queue.error) return <Alert tone="error">{queue.error.message}</Alert>;
  if (items.length === 0)
    return (
      <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
        Nothing is waiting. A case appears here when its lead requests legal review, and leaves once its referral is
        submitted.
      </p>
    );
  return (
    <>
      <p className="mb-2 text-sm text-muted-foreground" role="status">
        {formatCount(items.length, "case")} awaiting referral work
      </p>
      <Table aria-label="Cases awaiting referral work">
        <THead>
          <Tr>
            <Th>Case</Th>
            <Th>Status</Th>
            <Th>Severity</Th>
            <Th>Review requested</Th>
            <Th>Referrals</Th>
          </Tr>
        </THead>
        <TBody>
          {items.map((c) => (
            <Tr key={c.id}>
              <Td>
                <Link className="font-medium text-primary underline" href={`/cases/${c.id}?tab=referrals`}>
                  <span className="whitespace-nowrap">{c.ref}</span> · {c.title}
                </Link>
              </Td>
              <Td>
                <CaseStatusBadge status={c.status} />
              </Td>
              <Td>
                <SeverityBadge severity={c.severity} />
              </Td>
              <Td className="whitespace-nowrap">
                <LocalDate iso={c.requestedAt} />
                {c.requestedBy ? ` by ${c.requestedBy}` : ""}
              </Td>
              <Td>{c.draftReferrals === 0 ? "None yet" : `${formatCount(c.draftReferrals, "draft")}`}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
