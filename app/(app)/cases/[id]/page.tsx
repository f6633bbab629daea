import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/cases/activity-list";
import { CaseHeader } from "@/components/cases/case-header";
import { CaseOverview } from "@/components/cases/case-overview";
import { CaseTabs } from "@/components/cases/case-tabs";
import { TimelineList } from "@/components/cases/timeline-list";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { ExportPanel } from "@/components/exports/export-panel";
import { CasePersonasPanel } from "@/components/personas/case-personas-panel";
import { ReferralsPanel } from "@/components/referrals/referrals-panel";
import { RemediationPanel } from "@/components/remediation/remediation-panel";
import { requireActor } from "@/lib/auth/current";
import { getCase } from "@/lib/cases/get-case";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { AppError } from "@/lib/errors";
import { exportPermissions } from "@/lib/exports/export-permissions";

export const metadata: Metadata = { title: "Case" };

// No loading.tsx here or above: the visibility check must finish before the response starts, so a
// record the reader may not see answers 404 (a streamed response has already sent 200).
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const parsed = caseIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getCase({ actor, caseId: parsed.data.id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const exporting = await exportPermissions({ actor, caseId: detail.id });
  return (
    <>
      <CaseHeader initial={detail} />
      {exporting.create ? <ExportPanel caseId={detail.id} privilegedIds={exporting.privilegedEvidenceIds} /> : null}
      {/* Importing people follows the same rule as changing the case (persona:import, case:update). */}
      {detail.permissions.update ? (
        <p className="mb-4 text-sm">
          <Link className="underline" href={`/imports/new?caseId=${detail.id}`}>
            Import people from a CSV or XLSX export
          </Link>
        </p>
      ) : null}
      <CaseTabs
        panels={{
          overview: <CaseOverview initial={detail} />,
          evidence: <EvidencePanel caseId={detail.id} />,
          personas: <CasePersonasPanel caseId={detail.id} canEdit={detail.permissions.update} />,
          remediation: <RemediationPanel caseId={detail.id} />,
          referrals: <ReferralsPanel caseId={detail.id} />,
          timeline: <TimelineList caseId={detail.id} />,
          activity: <ActivityList caseId={detail.id} />,
        }}
      />
    </>
  );
}
