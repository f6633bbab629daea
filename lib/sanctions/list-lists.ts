import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { sanctionsLists, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { SanctionsListsView } from "./views";

/** GET /api/sanctions/lists: every imported version, newest first (the last 200). */
export async function listSanctionsLists({ actor }: { actor: Actor }): Promise<SanctionsListsView> {
  authorize(actor, "sanctions:read");
  const rows = await db
    .select({ list: sanctionsLists, importedBy: users.name })
    .from(sanctionsLists)
    .leftJoin(users, eq(users.id, sanctionsLists.importedById))
    .orderBy(desc(sanctionsLists.importedAt))
    .limit(200);
  return {
    items: rows.map(({ list: l, importedBy }) => ({
      id: l.id,
      source: l.source,
      fileName: l.fileName,
      publishedAt: l.publishedAt,
      sha256: l.sha256,
      entries: l.entries,
      status: l.status,
      error: l.error,
      importedBy,
      importedAt: l.importedAt.toISOString(),
      finishedAt: l.finishedAt?.toISOString() ?? null,
    })),
  };
}
