import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidence } from "@/db/schema";
import type { BlobStore } from "@/lib/storage";
import { lockBlob } from "./access";

/**
 * Removes stored bytes once no live item refers to them. Runs under the same per-file lock as
 * an upload placing those bytes, so a concurrent upload of identical bytes either commits first
 * (and its row keeps them) or finds them gone and places its own copy.
 */
export async function removeIfUnreferenced(store: BlobStore, sha256: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockBlob(tx, sha256);
    const [live] = await tx
      .select({ n: count() })
      .from(evidence)
      .where(and(eq(evidence.sha256, sha256), isNull(evidence.deletedAt)));
    if ((live?.n ?? 0) > 0) return false;
    await store.remove(sha256);
    return true;
  });
}
