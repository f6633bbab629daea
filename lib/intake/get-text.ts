import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { evidenceTexts, evidenceTextPages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { loadEvidence } from "@/lib/evidence/access";
import type { EvidenceTextView } from "./views";

/**
 * GET /api/evidence/{id}/text: what was read from an item, by page. The text is the item's
 * content, so it takes the right to read content (privileged items stay with those who may).
 */
export async function getEvidenceText({
  actor,
  evidenceId,
  page,
}: {
  actor: Actor;
  evidenceId: string;
  page?: number;
}): Promise<EvidenceTextView> {
  await loadEvidence(db, actor, evidenceId, "evidence:read_content");
  const [row] = await db.select().from(evidenceTexts).where(eq(evidenceTexts.evidenceId, evidenceId));
  const head = {
    status: row?.status ?? "pending",
    format: row?.format ?? null,
    reason: row?.reason ?? null,
    pageCount: row?.pageCount ?? 0,
    extractedAt: row?.extractedAt?.toISOString() ?? null,
  } as const;
  if (!row || row.status === "pending") return head;
  if (page !== undefined && row.pageCount > 0 && page > row.pageCount)
    throw new AppError("bad_request", `This item has ${row.pageCount} page${row.pageCount === 1 ? "" : "s"} of text`, [
      { path: "page", message: "No such page" },
    ]);
  const pages = await db
    .select({ page: evidenceTextPages.page, label: evidenceTextPages.label, text: evidenceTextPages.text })
    .from(evidenceTextPages)
    .where(
      and(
        eq(evidenceTextPages.evidenceId, evidenceId),
        page === undefined ? undefined : eq(evidenceTextPages.page, page),
      ),
    )
    .orderBy(asc(evidenceTextPages.page));
  const single = page !== undefined || pages.length === 1 ? pages[0]?.text : undefined;
  return { ...head, pages, ...(single === undefined ? {} : { text: single }) };
}
