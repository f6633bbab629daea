import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/cases/activity-list";
import { CaseHeader } from "@/components/cases/case-header";
import { CaseOverview } from "@/components/cases/case-overview";
import { CaseTabs } from "@/components/cases/case-tabs";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { ReferralsPanel } from "@/components/referrals/referrals-panel";
import { RemediationPanel } from "@/components/remediation/remediation-panel";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireActor } from "@/lib/auth/current";
import { getCase } from "@/lib/cases/cases";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const parsed = caseIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getCase({ actor, caseId: parsed.data.id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <CaseHeader initial={detail} />
      <CaseTabs
        panels={{
          overview: <CaseOverview initial={detail} />,
          evidence: <EvidencePanel caseId={detail.id} />,
          personas: (
            <ComingSoon
              title="Personas & graph"
              items={["Attach the personas in this case and their identifiers", "See every other persona that shares a phone, wallet or address", "Explore the network as a graph"]}
            />
          ),
          remediation: <RemediationPanel caseId={detail.id} />,
          referrals: <ReferralsPanel caseId={detail.id} />,
          activity: <ActivityList caseId={detail.id} />,
        }}
      />
    </>
  );
}
