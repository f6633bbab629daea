import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  await requireActor();
  return (
    <>
      <PageHeader title="Cases" description="Investigations you may see." />
      <ComingSoon
        title="Case list"
        items={[
          "Open a case when a hire or applicant looks like a fake persona",
          "Filter by status, severity, lead, tag and dates; search titles, subjects and notes",
          "Move a case from triage to closed, with the reason for every step recorded",
        ]}
      />
    </>
  );
}
