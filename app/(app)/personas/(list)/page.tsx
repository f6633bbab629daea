import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonaViews } from "@/components/personas/persona-view-switch";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { listPersonas } from "@/lib/personas/list-personas";
import { personaListQuerySchema } from "@/lib/personas/schema";
import type { PersonaList } from "@/lib/personas/views";

export const metadata: Metadata = { title: "Personas" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PersonasPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, "persona:read")) notFound();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined && k !== "view") raw.append(k, item);
  const parsed = personaListQuerySchema.safeParse(searchParamsToObject(raw));
  const data: PersonaList = parsed.success
    ? await listPersonas({ actor, query: parsed.data })
    : { items: [], total: 0, page: 1, pageSize: 25 };
  return (
    <>
      <PageHeader
        title="Personas"
        description="Claimed identities in the cases you may see (and in no case), and the networks their shared identifiers form."
        actions={
          <div className="flex gap-2">
            {can(actor, "screen:run") ? (
              <Button asChild variant="outline">
                <Link href="/screen">Screen applicants</Link>
              </Button>
            ) : null}
            {can(actor, "persona:write") ? (
              <Button asChild>
                <Link href="/personas/new">Record a persona</Link>
              </Button>
            ) : null}
          </div>
        }
      />
      {parsed.success ? null : (
        <Alert tone="error" className="mb-3">
          Some filters in the address are not valid: {parsed.error.issues.map((i) => i.message).join("; ")}
        </Alert>
      )}
      <PersonaViews initial={{ search: raw.toString(), data }} />
    </>
  );
}
