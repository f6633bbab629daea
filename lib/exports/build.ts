import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { exports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { env } from "@/lib/env";
import { type BlobStore, evidenceStore } from "@/lib/storage";
import { appVersion } from "@/lib/version";
import { packAuditHead } from "./audit-head";
import { certificateFiles } from "./certificate";
import { collectPackData } from "./collect";
import { auditCsv, custodyCsv } from "./csv";
import { finishExport, recordIntegrityFailure } from "./finish";
import { buildManifest, sha256sums, verifyText } from "./manifest";
import { packFileName } from "./names";
import { packFiles, packName } from "./paths";
import { planEvidence } from "./plan";
import { BatesTaken, takeBatesRange } from "./production/bates";
import { type ProductionSummary, writeProduction } from "./production/write-production";
import { renderReport } from "./report/render";
import { exportOptionsSchema } from "./schema";
import { instanceSigningKey, signBytes } from "./signing";
import { buildStixBundle } from "./stix";
import { requestTimestamp, type TimestampInfo } from "./timestamp";
import { PackWriter } from "./zip-writer";

/** A failure whose message is meant for the user (stored on the export and shown in the app). */
export class PackBuildError extends Error {}

const software = { name: "Casework", version: appVersion };

/** Writes `progress` (per mille of the expected bytes) at most four times a second, in order. */
function progressReporter(id: string, expectedBytes: number, onProgress?: (perMille: number) => Promise<void>) {
  let last = 0;
  let lastAt = 0;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    report(bytes: number) {
      const perMille = Math.min(990, Math.floor((bytes * 1000) / Math.max(1, expectedBytes)));
      const now = Date.now();
      if (perMille <= last || now - lastAt < 250) return;
      last = perMille;
      lastAt = now;
      chain = chain
        .then(() =>
          db
            .update(exports)
            .set({ progress: perMille })
            .where(and(eq(exports.id, id), eq(exports.status, "running")))
            .then(() => onProgress?.(perMille)),
        )
        .catch((err: unknown) => logger.warn({ err, exportId: id }, "could not record export progress"));
    },
    settled: () => chain,
  };
}

/**
 * Builds one pack, once, into the store's `exports/<id>.zip`. The file is kept rather than rebuilt
 * on each download: a rebuild would carry a new time, newer custody events and a new signature,
 * so its SHA-256 would differ from the one handed to an authority and written in the disclosure
 * log. Keeping it means the hash on record always names bytes the instance can still produce.
 */
export interface BuildOptions {
  store?: BlobStore;
  /** Told the same progress as the export record (the job's own progress). */
  onProgress?: (perMille: number) => Promise<void>;
  /** Asked just before the pack is put in place: false means another attempt owns the export now. */
  stillHeld?: () => Promise<boolean>;
}

export async function buildPack(
  id: string,
  { store = evidenceStore(), onProgress, stillHeld = async () => true }: BuildOptions = {},
): Promise<void> {
  const [found] = await db
    .select({ e: exports, name: users.name, email: users.email, role: users.role })
    .from(exports)
    .leftJoin(users, eq(users.id, exports.createdById))
    .where(eq(exports.id, id));
  if (!found) throw new Error(`export ${id} not found`);
  const started = await db
    .update(exports)
    .set({ status: "running", progress: 0 })
    .where(and(eq(exports.id, id), inArray(exports.status, ["queued", "running"])))
    .returning({ id: exports.id });
  // Marked failed or finished meanwhile: nothing to do. A running one is this job's earlier attempt,
  // whose process died: the job's claim makes this the only builder, and it starts over.
  if (started.length === 0) return;
  const exporter: Actor | null =
    found.e.createdById && found.name && found.email && found.role
      ? { id: found.e.createdById, name: found.name, email: found.email, role: found.role, via: "session" }
      : null;
  const options = exportOptionsSchema.parse(found.e.options);
  const exportedAt = new Date();
  const data = await collectPackData(found.e.caseId);
  const { included, leftOut } = planEvidence(data.evidence, options);
  const key = instanceSigningKey();
  const tsaUrl = env.TSA_URL ?? null;

  // Built in a local file (sequential writes, hashed on the way), then published to the store.
  // Each attempt writes its own staging file, so a stalled earlier attempt never writes into this
  // one; what an attempt whose process died left behind goes now.
  const files = packFiles(store);
  const name = packName(id);
  await files.removePartials(name);
  const temp = await files.stagingPath(name);
  // A production writes each native a second time.
  const evidenceBytes = included.reduce((n, i) => n + i.item.size, 0) * (options.production ? 2 : 1);
  const expected = evidenceBytes + 128 * 1024 + data.audit.length * 300;
  const progress = progressReporter(id, expected, onProgress);
  const writer = new PackWriter(temp, { mtime: exportedAt, onProgress: progress.report });
  try {
    for (const { item, path: entryPath } of included) {
      const source = await store.get(item.sha256).catch((error: unknown) => {
        throw new PackBuildError(
          `${item.exhibitNo}: its stored file cannot be read (${error instanceof Error ? error.message : "unknown error"}). Nothing was exported.`,
        );
      });
      const entry = await writer.addStream(entryPath, source, item.size);
      if (entry.sha256 !== item.sha256 || entry.size !== item.size) {
        await recordIntegrityFailure(exporter, data.case.id, item, entry, id);
        throw new PackBuildError(
          `${item.exhibitNo}: the stored bytes no longer match the SHA-256 recorded when it was collected. Nothing was exported; verify the item on its evidence page.`,
        );
      }
    }
    let production: ProductionSummary | null = null;
    if (options.production) {
      const { batesPrefix, startNumber } = options.production;
      production = await writeProduction({
        writer,
        store,
        included,
        leftOut,
        production: options.production,
        takeRange: async (pages) => {
          const range = await takeBatesRange({
            caseId: data.case.id,
            exportId: id,
            prefix: batesPrefix,
            start: startNumber,
            pages,
          }).catch((error: unknown) => {
            throw error instanceof BatesTaken ? new PackBuildError(`${error.message} Nothing was exported.`) : error;
          });
          return range.first;
        },
        onMismatch: async (item) => {
          throw new PackBuildError(
            `${item.exhibitNo}: the stored bytes no longer match the SHA-256 recorded when it was collected. Nothing was exported.`,
          );
        },
      });
    }
    await writer.addBuffer("custody.csv", custodyCsv(included.map((i) => i.item)));
    await writer.addBuffer("audit.csv", auditCsv(data.audit));
    if (options.includeStix)
      await writer.addBuffer(
        "stix/bundle.json",
        buildStixBundle(data, {
          exportId: id,
          exportedAt,
          producerName: `Casework instance ${key.fingerprint.slice(0, 16)}`,
        }),
      );
    await writer.addBuffer("public-key.pem", Buffer.from(key.publicKeyPem, "utf8"));
    await writer.addBuffer(
      "VERIFY.txt",
      verifyText({
        caseRef: data.case.ref,
        exportedAt,
        fingerprint: key.fingerprint,
        hasReport: options.includeReport,
        timestamped: tsaUrl !== null,
      }),
    );
    const audit = await packAuditHead(key);
    const manifest = buildManifest({
      exportId: id,
      exportedAt,
      exporter: exporter ?? { id: "", name: "Former user", email: "", role: "" },
      software,
      options,
      data,
      included,
      leftOut,
      files: [...writer.entries],
      signing: key,
      hasReport: options.includeReport,
      audit,
      tsaUrl,
      production,
    });
    const manifestEntry = await writer.addBuffer("manifest.json", manifest);
    await writer.addBuffer("manifest.sig", signBytes(key, manifest));
    let timestamp: TimestampInfo | null = null;
    if (tsaUrl) {
      // Asked for and not obtained: no pack rather than one that silently lacks the timestamp.
      const stamped = await requestTimestamp(tsaUrl, manifestEntry.sha256).catch((error: unknown) => {
        throw new PackBuildError(
          `The time-stamping authority (TSA_URL) did not timestamp the manifest: ${error instanceof Error ? error.message : String(error)}. Nothing was exported; try again later.`,
        );
      });
      await writer.addBuffer("manifest.tsr", stamped.reply);
      timestamp = stamped.info;
    }
    if (options.includeReport) {
      const pdf = await renderReport({
        data,
        included,
        leftOut,
        exportedAt,
        exporter: exporter ?? { name: "Former user", email: "" },
        software,
        manifestSha256: manifestEntry.sha256,
        fingerprint: key.fingerprint,
        timestamp,
        includeGraph: options.includeGraph,
        production,
      });
      await writer.addBuffer("report.pdf", pdf);
    }
    for (const cert of await certificateFiles({
      data,
      included,
      leftOut,
      exportedAt,
      exporter: exporter ?? { name: "Former user", email: "" },
      software,
      manifestSha256: manifestEntry.sha256,
      fingerprint: key.fingerprint,
      timestamp,
    }))
      await writer.addBuffer(cert.path, cert.bytes);
    await writer.addBuffer("SHA256SUMS", sha256sums(writer.entries));
    const pack = await writer.finish();
    if (!(await stillHeld())) throw new Error(`export ${id}: another attempt took over this build`);
    await files.publish(name, temp);
    await progress.settled();
    const fileName = packFileName(data.case.ref, exportedAt);
    const kept = await finishExport({
      id,
      caseId: data.case.id,
      exporter,
      included,
      leftOutCount: leftOut.length,
      fileName,
      pack,
      manifestSha256: manifestEntry.sha256,
    });
    if (!kept) await files.remove(name);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
