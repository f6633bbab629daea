import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { evidence, evidenceTexts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { exhibitLabel } from "@/lib/evidence/views";
import type { PersonaIdentifierView } from "./views";

/**
 * The source of a claim being recorded (an item the caller may read, checked before): its exhibit
 * and, where given, the page of its text the value was found on. A location needs its item, and a
 * page the item's text has.
 */
export async function identifierSource(
  runner: DbOrTx,
  evidenceId: string | null | undefined,
  location: { page?: number; offset: number } | null | undefined,
): Promise<PersonaIdentifierView["source"]> {
  if (!evidenceId) {
    if (location)
      throw new AppError("bad_request", "A location in a source needs the source evidence", [
        { path: "sourceLocation", message: "Give sourceEvidenceId with it" },
      ]);
    return null;
  }
  const [item] = await runner
    .select({
      caseId: evidence.caseId,
      exhibitNo: evidence.exhibitNo,
      title: evidence.title,
      pages: evidenceTexts.pageCount,
    })
    .from(evidence)
    .leftJoin(evidenceTexts, eq(evidenceTexts.evidenceId, evidence.id))
    .where(eq(evidence.id, evidenceId));
  if (!item) throw new Error("source evidence vanished after it was checked");
  if (location?.page !== undefined && location.page > (item.pages ?? 0))
    throw new AppError("bad_request", `${exhibitLabel(item.exhibitNo)} has no page ${location.page} of text`, [
      { path: "sourceLocation.page", message: "No such page" },
    ]);
  return {
    evidenceId,
    caseId: item.caseId,
    exhibitNo: exhibitLabel(item.exhibitNo),
    title: item.title,
    page: location?.page ?? null,
  };
}
