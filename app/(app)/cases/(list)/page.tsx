import type { Metadata } from "next";
import Link from "next/link";
import { CaseFilters } from "@/components/cases/case-filters";
import { CasesTable } from "@/components/cases/cases-table";
import { SavedViews } from "@/components/cases/saved-views";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listCases } from "@/lib/cases/list-cases";
import { caseListQuerySchema } from "@/lib/cases/schema";
import type { CaseList } from "@/lib/cases/views";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import type { SavedViewList } from "@/lib/saved-views/schema";

export const metadata: Metadata = { title: "Cases" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const parsed = caseListQuerySchema.safeParse(searchParamsToObject(raw));
  const [data, views]: [CaseList, SavedViewList] = await Promise.all([
    parsed.success
      ? listCases({ actor, query: parsed.data })
      : { items: [], total: 0, totalCapped: false, page: 1, pageSize: 25 },
    listSavedViews({ actor }),
  ]);
  return (
    <>
      <PageHeader
        title="Cases"
        description="Investigations you may see. Filters and sorting are kept in the address, so a view can be shared."
        actions={
          can(actor, "case:create") ? (
            <Button asChild>
              <Link href="/cases/new">Open a case</Link>
            </Button>
          ) : null
        }
      />
      <div className="flex flex-col gap-4 xl:flex-row xl:items-start">
        <div className="min-w-0 flex-1">
          {/* Keyed by the address, so opening a saved view shows its words in the search fields. */}
          <CaseFilters key={raw.toString()} />
          {parsed.success ? null : (
            <Alert tone="error" className="mb-3">
              Some filters in the address are not valid: {parsed.error.issues.map((i) => i.message).join("; ")}
            </Alert>
          )}
          <CasesTable initial={{ search: raw.toString(), data }} />
        </div>
        <aside className="xl:w-72 xl:shrink-0">
          <SavedViews initial={views} />
        </aside>
      </div>
    </>
  );
}
