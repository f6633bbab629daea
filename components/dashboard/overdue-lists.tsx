import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ScrollTable, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { LocalDate } from "@/components/ui/local-time";
import { destinationLabels, referralStatusLabels } from "./labels";

const caseLink = (id: string, ref: string) => (
  <Link href={`/cases/${id}`} className="font-mono text-xs text-primary hover:underline">
    {ref}
  </Link>
);

function Empty({ children }: { children: string }) {
  return <p className="py-4 text-sm text-muted-foreground">{children}</p>;
}

export function OverdueTasks({ summary }: { summary: DashboardSummary }) {
  const { count, items } = summary.overdueTasks;
  return (
    <Card aria-labelledby="overdue-tasks-title">
      <CardHeader>
        <CardTitle id="overdue-tasks-title">Overdue remediation tasks ({count})</CardTitle>
        <CardDescription>
          To do or in progress and past their due date, most overdue first
          {count > items.length ? `; the first ${items.length} shown` : ""}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <Empty>Nothing overdue. Tasks with a due date show up here once it passes.</Empty>
        ) : (
          <ScrollTable label="Overdue remediation tasks" aria-labelledby="overdue-tasks-title">
            <THead>
              <tr>
                <Th>Case</Th>
                <Th>Task</Th>
                <Th>Owner</Th>
                <Th>Due</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((t) => (
                <Tr key={t.id}>
                  <Td className="whitespace-nowrap">{caseLink(t.caseId, t.caseRef)}</Td>
                  <Td>{t.title}</Td>
                  <Td>{t.ownerName ?? "Unassigned"}</Td>
                  <Td className="whitespace-nowrap text-destructive">
                    <LocalDate iso={t.dueAt.slice(0, 10)} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </ScrollTable>
        )}
      </CardContent>
    </Card>
  );
}

export function OverdueReferrals({ summary }: { summary: DashboardSummary }) {
  const { count, items } = summary.referrals.overdue;
  return (
    <Card aria-labelledby="overdue-referrals-title">
      <CardHeader>
        <CardTitle id="overdue-referrals-title">Referral deadlines missed ({count})</CardTitle>
        <CardDescription>
          Open referrals (draft, submitted or acknowledged) whose deadline has passed, as on the Referrals page.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <Empty>No referral is past its deadline.</Empty>
        ) : (
          <ScrollTable label="Referral deadlines missed" aria-labelledby="overdue-referrals-title">
            <THead>
              <tr>
                <Th>Case</Th>
                <Th>Destination</Th>
                <Th>Status</Th>
                <Th>Deadline</Th>
              </tr>
            </THead>
            <TBody>
              {items.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">{caseLink(r.caseId, r.caseRef)}</Td>
                  <Td>
                    {r.destination === "other" ? (r.destinationName ?? "Other") : destinationLabels[r.destination]}
                  </Td>
                  <Td>{referralStatusLabels[r.status]}</Td>
                  <Td className="whitespace-nowrap text-destructive">
                    <LocalDate iso={r.deadlineAt.slice(0, 10)} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </ScrollTable>
        )}
      </CardContent>
    </Card>
  );
}
