import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportStatus } from "@/components/imports/import-status";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { getImport } from "@/lib/imports/get-import";
import { importIdParamsSchema } from "@/lib/imports/schema";

export const metadata: Metadata = { title: "Import" };

// No loading.tsx: the access check must finish before the response starts (see the case page).
export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const parsed = importIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const view = await getImport({ actor, importId: parsed.data.id }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={view.dryRun ? "Import dry run" : "Import"} />
      <ImportStatus initial={view} />
    </>
  );
}
