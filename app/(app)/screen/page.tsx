import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScreenForm } from "@/components/screen/screen-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Screen applicants" };

export default async function ScreenPage() {
  const actor = await requireActor();
  if (!can(actor, "screen:run")) notFound();
  return (
    <>
      <PageHeader
        title="Screen applicants"
        description="Check applicant identifiers against every known persona before the next hire. Matches in cases you cannot access are counted, with the lead to ask, but not shown."
      />
      <ScreenForm />
    </>
  );
}
