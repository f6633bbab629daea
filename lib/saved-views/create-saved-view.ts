import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { savedViews } from "@/db/schema";
import { searchParamsToObject } from "@/lib/api/body";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { caseListQuerySchema } from "@/lib/cases/schema";
import { AppError, parseOrThrow } from "@/lib/errors";
import { toSavedView } from "./list-saved-views";
import { MAX_SAVED_VIEWS, type SavedView, type SavedViewInput, savedViewInputSchema } from "./schema";

/**
 * The filter as it will be stored: the page number dropped (a view opens on its first page) and
 * every parameter checked as the case list checks it, so a saved view never opens on an error.
 */
export function canonicalCaseQuery(query: string): string {
  const params = new URLSearchParams(query.trim().replace(/^\?/, ""));
  params.delete("page");
  const parsed = caseListQuerySchema.safeParse(searchParamsToObject(params));
  if (!parsed.success)
    throw new AppError(
      "bad_request",
      `The filter is not one the case list accepts: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
      parsed.error.issues.map((i) => ({ path: ["query", ...i.path].join("."), message: i.message })),
    );
  // Commas separate a filter's values ("status=triage,investigating"); they need no escaping.
  return params.toString().replace(/%2C/gi, ",");
}

/** Saves a named case-list filter for the actor, private unless `shared`. */
export async function createSavedView({ actor, input }: { actor: Actor; input: SavedViewInput }): Promise<SavedView> {
  authorize(actor, "case:list");
  const data = parseOrThrow(savedViewInputSchema, input);
  const query = canonicalCaseQuery(data.query);
  return db.transaction(async (tx) => {
    const [owned] = await tx.select({ n: count() }).from(savedViews).where(eq(savedViews.ownerId, actor.id));
    if ((owned?.n ?? 0) >= MAX_SAVED_VIEWS)
      throw new AppError(
        "bad_request",
        `You have ${MAX_SAVED_VIEWS} saved views, the most there can be: delete one first`,
      );
    const [row] = await tx
      .insert(savedViews)
      .values({ ownerId: actor.id, name: data.name, query, shared: data.shared })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("conflict", `You already have a view named "${data.name}"`, [
        { path: "name", message: "You already have a view with this name" },
      ]);
    await recordAudit(tx, {
      actor,
      action: "saved_view.create",
      entityType: "saved_view",
      entityId: row.id,
      detail: { name: row.name, query, shared: row.shared },
    });
    return toSavedView(actor, { ...row, ownerName: actor.name });
  });
}
