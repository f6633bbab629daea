import { asc, desc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { db } from "@/db";
import { savedViews, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { SavedView, SavedViewList } from "./schema";

export const savedViewColumns = {
  id: savedViews.id,
  name: savedViews.name,
  query: savedViews.query,
  shared: savedViews.shared,
  ownerId: savedViews.ownerId,
  ownerName: users.name,
  createdAt: savedViews.createdAt,
};

export function toSavedView(
  actor: Actor,
  r: { id: string; name: string; query: string; shared: boolean; ownerId: string; ownerName: string; createdAt: Date },
): SavedView {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    shared: r.shared,
    owner: { id: r.ownerId, name: r.ownerName },
    mine: r.ownerId === actor.id,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The actor's own views, then those others share, each by name. */
export async function listSavedViews({
  actor,
  runner = db,
}: {
  actor: Actor;
  runner?: DbOrTx;
}): Promise<SavedViewList> {
  authorize(actor, "case:list");
  const rows = await runner
    .select(savedViewColumns)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(or(eq(savedViews.ownerId, actor.id), eq(savedViews.shared, true)))
    .orderBy(desc(sql`${savedViews.ownerId} = ${actor.id}`), asc(sql`lower(${savedViews.name})`), asc(savedViews.id))
    .limit(500);
  return { items: rows.map((r) => toSavedView(actor, r)) };
}
