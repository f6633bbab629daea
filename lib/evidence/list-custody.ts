import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { custodyEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadEvidence } from "./access";
import { custodyDetailForReaders } from "./custody";
import { exhibitLabel, type CustodyEventView } from "./views";

export async function listCustody({
  actor,
  evidenceId,
}: {
  actor: Actor;
  evidenceId: string;
}): Promise<{ exhibitNo: string; items: CustodyEventView[] }> {
  const { row } = await loadEvidence(db, actor, evidenceId, "evidence:read_metadata");
  const rows = await db
    .select()
    .from(custodyEvents)
    .where(eq(custodyEvents.evidenceId, evidenceId))
    .orderBy(asc(custodyEvents.at), asc(custodyEvents.id));
  return {
    exhibitNo: exhibitLabel(row.exhibitNo),
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      actor: r.actorLabel,
      at: r.at.toISOString(),
      ip: r.ip,
      detail: custodyDetailForReaders(r.detail),
    })),
  };
}
