import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Personas" };

export default async function PersonasPage() {
  await requireActor();
  return (
    <>
      <PageHeader title="Personas" description="Claimed identities and the identifiers they share." />
      <ComingSoon
        title="Personas and networks"
        items={[
          "Record personas with their identifiers: emails, phones, wallets, addresses, handles",
          "See every other persona that shares an identifier, across the cases you may see",
          "Explore the persona graph and the largest networks",
          "Screen applicant identifiers before the next hire",
        ]}
      />
    </>
  );
}
