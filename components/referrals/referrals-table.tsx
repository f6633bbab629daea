"use client";

import { LocalDate, LocalDateTime } from "@/components/ui/local-time";
import Link from "next/link";
import { OverdueBadge } from "@/components/remediation/task-status-badge";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useReferralList } from "@/lib/client/hooks/use-referrals";
import { useUrlState } from "@/lib/client/use-url-state";
import type { ReferralListView } from "@/lib/referrals/views";
import { cn } from "@/lib/utils";
import { ReferralStatusBadge } from "./referral-status-badge";
import { formatCount } from "@/lib/format";

interface ReferralsTableProps {
  initial: { search: string; data: ReferralListView };
}

/** Referrals across cases: overdue first, then by deadline, as the API orders them. */
export function ReferralsTable({ initial }: ReferralsTableProps) {
  const { search, set } = useUrlState();
  const query = useReferralList(search, search === initial.search ? initial.data : undefined);
  const data = query.data;

  if (query.error) return <Alert tone="error">{query.error.message}</Alert>;
  return (
    <div className="flex flex-col gap-2" aria-busy={query.isFetching}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data ? formatCount(data.total, "referral") : "Loading…"}
      </p>
      <Table aria-label="Referrals" className={query.isPlaceholderData ? "opacity-60" : undefined}>
        <THead>
          <tr>
            <Th>Deadline</Th>
            <Th>Destination</Th>
            <Th>Case</Th>
            <Th>Status</Th>
            <Th>Reference</Th>
            <Th>Submitted</Th>
          </tr>
        </THead>
        <TBody>
          {data?.items.map((r) => (
            <Tr key={r.id} className={cn(r.overdue && "bg-destructive/5")}>
              <Td className={cn("whitespace-nowrap", r.overdue && "font-medium text-destructive")}>
                <LocalDateTime iso={r.deadlineAt} /> {r.overdue ? <OverdueBadge /> : null}
              </Td>
              <Td>{r.destinationLabel}</Td>
              <Td>
                <Link
                  className="font-mono text-xs text-primary hover:underline"
                  href={`/cases/${r.case.id}?tab=referrals`}
                >
                  {r.case.ref}
                </Link>
                <span className="block text-xs text-muted-foreground">{r.case.title}</span>
              </Td>
              <Td>
                <ReferralStatusBadge status={r.status} />
              </Td>
              <Td className="font-mono text-xs">{r.referenceNo ?? "—"}</Td>
              <Td className="whitespace-nowrap">
                <LocalDate iso={r.submittedAt} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {data && data.items.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
          {search
            ? "No referral matches these filters. Clear a filter to see more."
            : "No referrals on the cases you can see. They are created on a case's Referrals tab."}
        </p>
      ) : null}
      <Pager data={data} hideSinglePage onPage={(page) => set({ page: String(page) }, { resetPage: false })} />
    </div>
  );
}
