import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type DbOrTx, db, queryRows } from "@/db";
import { evidence, evidenceFingerprints, evidenceMentions, evidenceTexts, evidenceTextPages, jobs } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { dhash, isPhoto } from "@/lib/matching/dhash";
import { queueMatchingForEvidence } from "@/lib/matching/queue-matching";
import { type JobHandler, PermanentJobError } from "@/lib/jobs/handlers";
import { phoneRegionFor } from "@/lib/settings/get-settings";
import { evidenceStore } from "@/lib/storage";
import { defaultLimits, type Extracted, extractText } from "./extract";
import { findMentions } from "./mentions";

export const EXTRACT_TEXT = "evidence.text";

/** Items larger than this are not read for text at all (the item says so). */
export const MAX_EXTRACT_BYTES = 64 * 1024 * 1024;

const extractionLimits = { ...defaultLimits, maxBytes: MAX_EXTRACT_BYTES };

/**
 * Marks an item's text pending and queues its extraction, in the caller's transaction (the
 * upload's): the job exists exactly when the item does. Queueing again re-reads it from scratch.
 */
export async function queueExtraction(runner: DbOrTx, evidenceId: string): Promise<void> {
  await runner
    .insert(evidenceTexts)
    .values({ evidenceId })
    .onConflictDoUpdate({ target: evidenceTexts.evidenceId, set: { status: "pending", reason: null } });
  await enqueueJob(runner, { kind: EXTRACT_TEXT, key: evidenceId, payload: { evidenceId } });
}

/** Drops what was read from an item (it was deleted, or is read again), in the caller's transaction. */
export async function forgetText(tx: DbOrTx, evidenceId: string): Promise<void> {
  await tx.delete(evidenceTextPages).where(eq(evidenceTextPages.evidenceId, evidenceId));
  await tx.delete(evidenceMentions).where(eq(evidenceMentions.evidenceId, evidenceId));
  await tx.delete(evidenceTexts).where(eq(evidenceTexts.evidenceId, evidenceId));
  await tx.delete(evidenceFingerprints).where(eq(evidenceFingerprints.evidenceId, evidenceId));
  // Personas citing the item match others by its text (a résumé): they are scored again.
  await queueMatchingForEvidence(tx, evidenceId);
}

/**
 * Start-up: items that have never been read (uploaded before text extraction existed, or put in
 * by the seed) are queued, in two statements whatever their number. Answers how many.
 */
export async function queueMissingExtractions(): Promise<number> {
  return db.transaction(async (tx) => {
    const queued = await queryRows<{ evidence_id: string }>(
      tx,
      sql`insert into ${evidenceTexts} (evidence_id)
          select e.id from ${evidence} e where e.deleted_at is null
          on conflict (evidence_id) do nothing
          returning evidence_id`,
    );
    if (queued.length === 0) return 0;
    await tx.execute(
      sql`insert into ${jobs} (kind, key, payload)
          select ${EXTRACT_TEXT}, t.evidence_id::text, jsonb_build_object('evidenceId', t.evidence_id)
          from ${evidenceTexts} t where t.status = 'pending'
          on conflict (kind, key) do nothing`,
    );
    return queued.length;
  });
}

async function readBytes(sha256: string, size: number): Promise<Uint8Array> {
  const stream = await evidenceStore().get(sha256);
  const out = new Uint8Array(size);
  const hash = createHash("sha256");
  let at = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (at + chunk.length > size) throw new PermanentJobError("The stored file is longer than recorded");
    out.set(chunk, at);
    hash.update(chunk);
    at += chunk.length;
  }
  if (at !== size || hash.digest("hex") !== sha256)
    throw new PermanentJobError("The stored file does not match its SHA-256: verify the item");
  return out;
}

async function save(
  evidenceId: string,
  result: Extracted,
  region: string | null,
  photoHash: bigint | null = null,
): Promise<void> {
  // PostgreSQL text cannot hold NUL; nothing readable is lost without it.
  const pages = result.pages.map((p, i) => ({
    page: i + 1,
    label: p.label ?? null,
    text: p.text.replace(/\u0000/g, ""),
  }));
  const mentions = findMentions(pages, region);
  const chars = pages.reduce((n, p) => n + p.text.length, 0);
  await db.transaction(async (tx) => {
    // A deleted item keeps no text (its row stays for the record, its content is gone from view).
    const [item] = await tx
      .select({ deletedAt: evidence.deletedAt })
      .from(evidence)
      .where(eq(evidence.id, evidenceId))
      .for("update");
    if (!item) return;
    await forgetText(tx, evidenceId);
    if (item.deletedAt) return;
    for (let i = 0; i < pages.length; i += 200)
      await tx.insert(evidenceTextPages).values(pages.slice(i, i + 200).map((p) => ({ evidenceId, ...p })));
    for (let i = 0; i < mentions.length; i += 500)
      await tx.insert(evidenceMentions).values(
        mentions.slice(i, i + 500).map((m) => ({
          evidenceId,
          type: m.type,
          normalizedValue: m.normalizedValue,
          value: m.value,
          chain: m.chain,
          count: m.count,
          locations: m.locations,
        })),
      );
    const row = {
      status: result.status,
      format: result.format,
      reason: result.reason,
      pageCount: pages.length,
      chars,
      extractedAt: new Date(),
    };
    await tx
      .insert(evidenceTexts)
      .values({ evidenceId, ...row })
      .onConflictDoUpdate({ target: evidenceTexts.evidenceId, set: row });
    // forgetText above queued the personas citing the item, so they are matched on this hash.
    if (photoHash !== null) await tx.insert(evidenceFingerprints).values({ evidenceId, dhash: photoHash });
  });
}

/** A photo's difference hash, for near-duplicate photo matching; none for other items or unreadable images. */
async function photoHash(bytes: Uint8Array, mimeType: string): Promise<bigint | null> {
  if (!isPhoto(mimeType)) return null;
  try {
    return await dhash(bytes);
  } catch {
    return null;
  }
}

/** Reads one item's text and mentions, replacing whatever an earlier run found (re-running is idempotent). */
export async function extractEvidenceText(evidenceId: string): Promise<void> {
  const [item] = await db
    .select({
      sha256: evidence.sha256,
      size: evidence.size,
      mimeType: evidence.mimeType,
      name: evidence.originalName,
      deletedAt: evidence.deletedAt,
    })
    .from(evidence)
    .where(eq(evidence.id, evidenceId));
  // A deleted item's bytes may be gone already, and its text is not kept.
  if (!item || item.deletedAt) return;
  const limits = extractionLimits;
  const region = (await phoneRegionFor(null)) ?? null;
  if (item.size > limits.maxBytes) {
    const mb = Math.round(limits.maxBytes / 1024 / 1024);
    await save(
      evidenceId,
      {
        status: "partial",
        format: null,
        reason: `larger than the ${mb} MB limit for reading text: no text was read`,
        pages: [],
      },
      region,
    );
    return;
  }
  const bytes = await readBytes(item.sha256, item.size);
  const result = await extractText(bytes, { fileName: item.name, mimeType: item.mimeType }, limits);
  await save(evidenceId, result, region, await photoHash(bytes, item.mimeType));
}

export const extractTextHandler: JobHandler = {
  // One file at a time per process: extraction is CPU-bound and the web server needs the rest.
  concurrency: 1,
  async run({ job }) {
    const evidenceId = job.payload.evidenceId;
    if (typeof evidenceId !== "string") throw new PermanentJobError("the job names no evidence item");
    await extractEvidenceText(evidenceId);
  },
  async onFailed(job, message) {
    const evidenceId = job.payload.evidenceId;
    if (typeof evidenceId !== "string") return;
    await db
      .update(evidenceTexts)
      .set({ status: "failed", reason: message, extractedAt: new Date() })
      .where(eq(evidenceTexts.evidenceId, evidenceId));
  },
};
