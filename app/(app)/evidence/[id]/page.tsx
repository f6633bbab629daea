import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceDetail } from "@/components/evidence/evidence-detail";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { getCase } from "@/lib/cases/get-case";
import { AppError } from "@/lib/errors";
import { getEvidence } from "@/lib/evidence/get-evidence";
import { evidenceIdParamsSchema } from "@/lib/evidence/schema";

export const metadata: Metadata = { title: "Evidence" };

const orNotFound = (error: unknown): never => {
  if (error instanceof AppError && error.code === "not_found") notFound();
  throw error;
};

// No loading.tsx here or above: the visibility check must finish before the response starts, so a
// record the reader may not see answers 404 (a streamed response has already sent 200).
export default async function EvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const parsed = evidenceIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const item = await getEvidence({ actor, evidenceId: parsed.data.id }).catch(orNotFound);
  const parent = await getCase({ actor, caseId: item.caseId }).catch(orNotFound);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/cases/${parent.id}?tab=evidence`} className="text-primary hover:underline">
          {parent.ref} · {parent.title}
        </Link>{" "}
        <span className="text-muted-foreground">/ Evidence</span>
      </nav>
      <PageHeader
        title={`${item.exhibitNo} · ${item.title}`}
        description="Stored unchanged under its SHA-256; every access is in the chain of custody below."
      />
      <EvidenceDetail initial={item} />
    </>
  );
}
