import type { Metadata } from "next";
import Link from "next/link";
import { CaseFilters } from "@/components/cases/case-filters";
import { CasesTable } from "@/components/cases/cases-table";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listCases } from "@/lib/cases/list-cases";
import { caseListQuerySchema } from "@/lib/cases/schema";
import type { CaseList } from "@/lib/cases/views";

export const metadata: Metadata = { title: "Cases" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const parsed = caseListQuerySchema.safeParse(searchParamsToObject(raw));
  const data: CaseList = parsed.success
    ? await listCases({ actor, query: parsed.data })
    : { items: [], total: 0, totalCapped: false, page: 1, pageSize: 25 };
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
      <CaseFilters />
      {parsed.success ? null : (
        <Alert tone="error" className="mb-3">
          Some filters in the address are not valid: {parsed.error.issues.map((i) => i.message).join("; ")}
        </Alert>
      )}
      <CasesTable initial={{ search: raw.toString(), data }} />
    </>
  );
}
