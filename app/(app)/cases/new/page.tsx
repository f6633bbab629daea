import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CaseForm } from "@/components/cases/case-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Open a case" };

export default async function NewCasePage() {
  const actor = await requireActor();
  if (!can(actor, "case:create")) notFound();
  return (
    <>
      <PageHeader
        title="Open a case"
        description="You will lead it; add members and change the lead on the case page."
      />
      <CaseForm />
    </>
  );
}
