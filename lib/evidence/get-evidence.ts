import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { loadEvidence, toEvidenceView } from "./access";
import type { EvidenceView } from "./views";

/** One item's metadata; reading metadata is not a custody event (only opening the bytes is). */
export async function getEvidence({ actor, evidenceId }: { actor: Actor; evidenceId: string }): Promise<EvidenceView> {
  const { row, access, uploadedBy } = await loadEvidence(db, actor, evidenceId, "evidence:read_metadata");
  return toEvidenceView(actor, row, access, uploadedBy);
}
