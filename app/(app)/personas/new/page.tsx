import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PersonaForm } from "@/components/personas/persona-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";

export const metadata: Metadata = { title: "Record a persona" };

export default async function NewPersonaPage() {
  const actor = await requireActor();
  if (!can(actor, "persona:write")) notFound();
  return (
    <>
      <PageHeader
        title="Record a persona"
        description="Then add its identifiers on the persona's page: each one is checked against every other persona."
      />
      <PersonaForm />
    </>
  );
}
