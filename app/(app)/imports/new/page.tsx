import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ImportForm } from "@/components/imports/import-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { importTarget, listImportSources } from "@/lib/imports/get-import";

export const metadata: Metadata = { title: "Import people" };

const querySchema = z.object({ caseId: z.uuid().optional() });

// No loading.tsx: the access check must finish before the response starts, so a case the reader
// may not import into answers 404 (a streamed response has already sent 200).
export default async function NewImportPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const actor = await requireActor();
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const target = await importTarget({ actor, caseId: query.data.caseId }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  const sources = await listImportSources({ actor });
  return (
    <>
      <PageHeader
        title="Import people"
        description={
          target
            ? `Applicants or employees from an applicant-tracking or HR export, into ${target.ref} ${target.title}. Try a dry run first: it says per row what would be created, matched or refused, and writes nothing.`
            : "Applicants or employees from an applicant-tracking or HR export, into the shared directory. Try a dry run first: it says per row what would be created, matched or refused, and writes nothing."
        }
        actions={
          target ? (
            <Link className="text-sm underline" href={`/cases/${target.id}`}>
              Back to the case
            </Link>
          ) : null
        }
      />
      <ImportForm caseId={target?.id ?? null} sources={sources} />
    </>
  );
}
