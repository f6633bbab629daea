import { createHash } from "node:crypto";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { type BlobStore, evidenceStore } from "@/lib/storage";
import { loadEvidence } from "./access";
import { recordCustody } from "./custody";
import { exhibitLabel, type VerifyResult } from "./views";

async function hashStored(store: BlobStore, sha256: string): Promise<{ actual: string; size: number } | null> {
  let source;
  try {
    source = await store.get(sha256);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { actual: hash.digest("hex"), size };
}

/**
 * Re-reads the stored bytes and compares their SHA-256 with the one recorded at upload. The
 * outcome, good or bad, goes into the custody log, so the log itself shows when the item was
 * last proven intact. Only a yes/no and the hashes are returned, never content, so anyone who
 * may see the item's metadata may run it.
 */
export async function verifyEvidence({
  actor,
  evidenceId,
  ip = null,
  store = evidenceStore(),
}: {
  actor: Actor;
  evidenceId: string;
  ip?: string | null;
  store?: BlobStore;
}): Promise<VerifyResult> {
  const { row } = await loadEvidence(db, actor, evidenceId, "evidence:read_metadata");
  const found = await hashStored(store, row.sha256);
  const ok = found !== null && found.actual === row.sha256 && found.size === row.size;
  const problem = found === null ? "missing" : ok ? null : "mismatch";
  const result: VerifyResult = {
    ok,
    expected: row.sha256,
    actual: found?.actual ?? null,
    size: found?.size ?? null,
    problem,
    checkedAt: new Date().toISOString(),
  };
  if (!ok)
    logger.error(
      { evidenceId, expected: row.sha256, actual: result.actual, problem },
      "evidence failed its hash check",
    );
  await db.transaction(async (tx) => {
    const detail = { expected: row.sha256, actual: result.actual, size: result.size, problem };
    await recordCustody(tx, { evidenceId, action: ok ? "verified" : "verification_failed", actor, ip, detail });
    await recordAudit(tx, {
      actor,
      action: ok ? "evidence.verify" : "evidence.verification_failed",
      entityType: "evidence",
      entityId: evidenceId,
      caseId: row.caseId,
      detail: { exhibitNo: exhibitLabel(row.exhibitNo), ...detail },
    });
  });
  return result;
}
