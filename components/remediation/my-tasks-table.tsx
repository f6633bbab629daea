"use client";

import { LocalDateTime } from "@/components/ui/local-time";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useMyTasks } from "@/lib/client/hooks/use-tasks";
import { useUrlState } from "@/lib/client/use-url-state";
import type { MyTasksView } from "@/lib/remediation/views";
import { cn } from "@/lib/utils";
import { taskKindLabels } from "./labels";
import { MyTaskActions } from "./my-task-actions";
import { OverdueBadge, TaskStatusBadge } from "./task-status-badge";
import { formatCount } from "@/lib/format";

interface MyTasksTableProps {
  initial: { search: string; data: MyTasksView };
}

const filters = [
  { value: "", label: "Open" },
  { value: "finished", label: "Finished" },
  { value: "all", label: "All" },
];

export function MyTasksTable({ initial }: MyTasksTableProps) {
  const { search, searchParams, set } = useUrlState();
  const query = useMyTasks(search, search === initial.search ? initial.data : undefined);
  const data = query.data;
  const status = searchParams.get("status") ?? "";

  return (
    <div className="flex flex-col gap-3" aria-busy={query.isFetching}>
      <div className="flex w-44 flex-col gap-1">
        <Label htmlFor="my-tasks-status">Show</Label>
        <Select id="my-tasks-status" value={status} onChange={(e) => set({ status: e.target.value })}>
          {filters.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </Select>
      </div>
      {query.error ? <Alert tone="error">{query.error.message}</Alert> : null}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data ? formatCount(data.total, "task") : "Loading…"}
      </p>
      <Table aria-label="My tasks" className={query.isPlaceholderData ? "opacity-60" : undefined}>
        <THead>
          <tr>
            <Th>Due</Th>
            <Th>Task</Th>
            <Th>Case</Th>
            <Th>Status</Th>
            <Th>Actions</Th>
          </tr>
        </THead>
        <TBody>
          {data?.items.map((t) => (
            <Tr key={t.id} className={cn(t.overdue && "bg-destructive/5")}>
              <Td className={cn("whitespace-nowrap", t.overdue && "font-medium text-destructive")}>
                <LocalDateTime iso={t.dueAt} /> {t.overdue ? <OverdueBadge /> : null}
              </Td>
              <Td>
                <span className="font-medium">{t.title}</span>
                <span className="block text-xs text-muted-foreground">{taskKindLabels[t.kind]}</span>
              </Td>
              <Td>
                <Link
                  className="font-mono text-xs text-primary hover:underline"
                  href={`/cases/${t.caseId}?tab=remediation`}
                >
                  {t.caseRef}
                </Link>
                <span className="block text-xs text-muted-foreground">{t.caseTitle}</span>
              </Td>
              <Td>
                <TaskStatusBadge status={t.status} />
              </Td>
              <Td>
                <MyTaskActions task={t} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {data && data.items.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-center text-sm text-muted-foreground">
          {status
            ? "No tasks match this filter."
            : "Nothing open on your plate. Tasks you own on any case appear here, soonest due first."}
        </p>
      ) : null}
    </div>
  );
}
