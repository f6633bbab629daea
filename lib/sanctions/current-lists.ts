import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sanctionsLists } from "@/db/schema";

/**
 * The version screened against, per source: the newest finished import (by publication date,
 * then import time). Older versions stay for the record of past results.
 */
export async function currentListIds(runner: DbOrTx): Promise<string[]> {
  const rows = await runner
    .selectDistinctOn([sanctionsLists.source], { id: sanctionsLists.id })
    .from(sanctionsLists)
    .where(eq(sanctionsLists.status, "done"))
    .orderBy(
      sanctionsLists.source,
      sql`${sanctionsLists.publishedAt} desc nulls last`,
      desc(sanctionsLists.importedAt),
    );
  return rows.map((r) => r.id);
}
