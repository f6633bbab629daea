import { db, ready, sql } from "@/db";
import { logger } from "@/lib/logger";

export async function checkHealth(): Promise<boolean> {
  try {
    await ready();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    logger.warn({ err: error }, "health check failed");
    return false;
  }
}
