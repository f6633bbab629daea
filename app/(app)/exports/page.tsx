import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  const actor = await requireActor();
  // Managers oversee cases but never export evidence.
  if (actor.role === "manager") notFound();
  return (
    <>
      <PageHeader title="Exports" description="Evidence packs made for authorities." />
      <ComingSoon
        title="Evidence packs"
        items={[
          "Export a case as one signed ZIP with every file hashed",
          "A readable PDF report, a STIX 2.1 bundle and the chain of custody inside",
          "Verify a pack with sha256sum and openssl, no special tools needed",
        ]}
      />
    </>
  );
}
