import type { Metadata } from "next";
import { MyTasksTable } from "@/components/remediation/my-tasks-table";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { listMyTasks } from "@/lib/remediation/list-my-tasks";
import { myTasksQuerySchema } from "@/lib/remediation/schema";
import type { MyTasksView } from "@/lib/remediation/views";

export const metadata: Metadata = { title: "My tasks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyTasksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const parsed = myTasksQuerySchema.safeParse(searchParamsToObject(raw));
  const data: MyTasksView = parsed.success
    ? await listMyTasks({ actor, query: parsed.data })
    : { items: [], total: 0, page: 1, pageSize: 100 };
  return (
    <>
      <PageHeader
        title="My tasks"
        description="Remediation tasks you own across your cases, soonest due first. Overdue ones are marked in red."
      />
      {parsed.success ? null : (
        <Alert tone="error" className="mb-3">
          Some filters in the address are not valid: {parsed.error.issues.map((i) => i.message).join("; ")}
        </Alert>
      )}
      <MyTasksTable initial={{ search: raw.toString(), data }} />
    </>
  );
}
