import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { PageHeader } from "@/components/shell/page-header";
import { requireActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireActor();
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q) ?? "";
  return (
    <>
      <PageHeader
        title="Search"
        description="Everything you may see: cases, personas, evidence and its text, notes, and who holds an identifier."
      />
      <SearchResults key={query} q={query} />
    </>
  );
}
