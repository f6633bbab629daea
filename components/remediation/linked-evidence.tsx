"use client";

import Link from "next/link";
import { useEvidenceList } from "@/lib/client/hooks/use-evidence";

/** A task's linked evidence by its exhibit number and title (the case's list is already cached), linking to it. */
export function LinkedEvidence({ caseId, evidenceId }: { caseId: string; evidenceId: string }) {
  const list = useEvidenceList(caseId);
  const item = list.data?.items.find((e) => e.id === evidenceId);
  return (
    <p className="text-xs text-muted-foreground">
      Evidence:{" "}
      {item ? (
        <Link href={`/evidence/${item.id}`} className="underline underline-offset-2 hover:text-foreground">
          {item.exhibitNo} · {item.title}
        </Link>
      ) : list.isPending ? (
        "…"
      ) : list.isError ? (
        "a linked item"
      ) : (
        "an item no longer in the case"
      )}
    </p>
  );
}
