import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireActor();
  const scope = actor.role === "admin" || actor.role === "manager" ? "every case" : "the cases you work on";
  return (
    <>
      <PageHeader title="Dashboard" description={`Where the investigations stand, across ${scope}.`} />
      <ComingSoon
        title="Status at a glance"
        items={[
          "Open cases by status and severity, opened against closed per week",
          "Median and 90th percentile time to contain and to close",
          "Overdue remediation tasks and referral deadlines",
          "The largest persona networks and the most recorded red flags",
        ]}
      />
    </>
  );
}
