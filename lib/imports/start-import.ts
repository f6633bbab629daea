import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { and, asc, eq, isNull } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { evidence, importSources, imports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadCase } from "@/lib/cases/access";
import { lockBlob } from "@/lib/evidence/access";
import { removeIfUnreferenced } from "@/lib/evidence/blobs";
import { detectMimeType, normaliseClaimedType } from "@/lib/evidence/detect";
import { sanitizeFileName } from "@/lib/evidence/names";
import { recordEvidence } from "@/lib/evidence/record-evidence";
import { exhibitLabel } from "@/lib/evidence/views";
import { parseOrThrow } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { wakeJobs } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import { phoneRegionFor } from "@/lib/settings/get-settings";
import { type BlobStore, evidenceStore, type StagedBlob } from "@/lib/storage";
import { IMPORT_ROWS } from "./job-kind";
import { detectFormat } from "./read-sheet";
import type { ReceivedImport } from "./receive-import";
import { type ImportFields, importFieldsSchema } from "./schema";

interface StartOptions {
  actor: Actor;
  received: ReceivedImport;
  ip?: string | null;
  store?: BlobStore;
}

/**
 * The file as evidence of the case: the live exhibit that already holds these bytes (the same
 * export imported again adds no exhibit), else a new one made as an upload makes it.
 */
async function keepAsEvidence(
  tx: Tx,
  opts: { actor: Actor; caseId: string; staged: StagedBlob; fields: ImportFields; received: ReceivedImport },
  ip: string | null,
): Promise<{ id: string; exhibitNo: number; created: boolean }> {
  const { actor, caseId, staged, fields, received } = opts;
  const [existing] = await tx
    .select({ id: evidence.id, exhibitNo: evidence.exhibitNo })
    .from(evidence)
    .where(and(eq(evidence.caseId, caseId), eq(evidence.sha256, staged.sha256), isNull(evidence.deletedAt)))
    .orderBy(asc(evidence.exhibitNo))
    .limit(1);
  if (existing) return { ...existing, created: false };
  await lockBlob(tx, staged.sha256);
  const created = await staged.commit();
  const originalName = sanitizeFileName(received.fileName);
  const { row } = await recordEvidence(tx, {
    actor,
    caseId,
    blob: staged,
    meta: {
      title: `Import from ${fields.mapping.source}: ${originalName}`,
      kind: "hr_record",
      description: "",
      collectedAt: null,
      collectedBy: null,
      source: fields.mapping.source,
    },
    originalName,
    mimeType: await detectMimeType(received.bytes.subarray(0, 64 * 1024)),
    claimedMimeType: normaliseClaimedType(received.claimedType),
    ip,
  });
  return { id: row.id, exhibitNo: row.exhibitNo, created };
}

/**
 * Starts a bulk import (or a dry run) of people and identifiers from a CSV or XLSX export: checks
 * who asks and the mapping, keeps a real import's file as evidence of its case with its hash,
 * remembers the mapping for the source, and queues the rows for the background; answers the id
 * at once. Rows are read, checked and written by the `import.rows` job (run-import.ts).
 */
export async function startImport({
  actor,
  received,
  ip = null,
  store = evidenceStore(),
}: StartOptions): Promise<{ id: string }> {
  const fields = parseOrThrow(importFieldsSchema, received.fields, "Invalid import");
  const { caseId, dryRun, mapping } = fields;
  if (!caseId) authorize(actor, "persona:import_directory", {}, "Import");
  const format = detectFormat(received.bytes);
  const sha256 = createHash("sha256").update(received.bytes).digest("hex");
  const phoneRegion = (await phoneRegionFor(fields.phoneRegion)) ?? null;
  // Only a real import into a case keeps the file as evidence; a dry run writes nothing of the kind.
  const staged = caseId && !dryRun ? await store.stage(Readable.from([Buffer.from(received.bytes)])) : null;
  let placed = false;
  try {
    const id = await db.transaction(async (tx) => {
      let kept: Awaited<ReturnType<typeof keepAsEvidence>> | null = null;
      if (caseId) {
        const { access } = await loadCase(tx, actor, caseId, { forUpdate: true });
        authorize(actor, "persona:import", { case: access }, "Case");
        if (staged) {
          kept = await keepAsEvidence(tx, { actor, caseId, staged, fields, received }, ip);
          placed = kept.created;
        }
      }
      const [row] = await tx
        .insert(imports)
        .values({
          source: mapping.source,
          caseId: caseId ?? null,
          evidenceId: kept?.id ?? null,
          fileName: sanitizeFileName(received.fileName),
          format,
          sha256,
          mapping,
          phoneRegion,
          dryRun,
          content: Buffer.from(received.bytes),
          createdById: actor.id,
        })
        .returning({ id: imports.id });
      if (!row) throw new Error("import insert returned nothing");
      await tx
        .insert(importSources)
        .values({ name: mapping.source, mapping, updatedById: actor.id })
        .onConflictDoUpdate({ target: importSources.name, set: { mapping, updatedById: actor.id } });
      await enqueueJob(tx, { kind: IMPORT_ROWS, key: row.id, payload: { importId: row.id } });
      await recordAudit(tx, {
        actor,
        action: "import.start",
        entityType: "import",
        entityId: row.id,
        caseId: caseId ?? null,
        detail: {
          source: mapping.source,
          fileName: sanitizeFileName(received.fileName),
          sha256,
          dryRun,
          ...(kept ? { exhibitNo: exhibitLabel(kept.exhibitNo) } : {}),
        },
      });
      return row.id;
    });
    wakeJobs();
    return { id };
  } catch (error) {
    // Bytes this import placed must not outlive a rolled-back exhibit (unless another row shares them).
    if (placed && staged)
      await removeIfUnreferenced(store, staged.sha256).catch((err: unknown) =>
        logger.error({ err, sha256: staged.sha256 }, "could not remove unreferenced evidence bytes"),
      );
    throw error;
  } finally {
    await staged?.discard();
  }
}
