import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExportsPageTable } from "@/components/exports/exports-page-table";
import { PageHeader } from "@/components/shell/page-header";
import { searchParamsToObject } from "@/lib/api/body";
import { requireActor } from "@/lib/auth/current";
import { listExports } from "@/lib/exports/list-exports";
import { exportListQuerySchema } from "@/lib/exports/schema";
import type { ExportList } from "@/lib/exports/views";

export const metadata: Metadata = { title: "Exports" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExportsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  // Managers oversee cases but never export evidence.
  if (actor.role === "manager") notFound();
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const item of [v].flat()) if (item !== undefined) raw.append(k, item);
  const parsed = exportListQuerySchema.safeParse(searchParamsToObject(raw));
  const data: ExportList = parsed.success
    ? await listExports({ actor, query: parsed.data })
    : { items: [], total: 0, page: 1, pageSize: 25 };
  return (
    <>
      <PageHeader
        title="Exports"
        description="Evidence packs made for authorities, newest first. Each pack is kept as it was made, so its SHA-256 stays the one on record; check one with sha256sum and openssl (see VERIFY.txt inside) or npm run cli -- verify-pack."
      />
      <ExportsPageTable initial={{ search: raw.toString(), data }} />
    </>
  );
}
