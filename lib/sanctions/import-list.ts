import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { sanctionsEntries, sanctionsKeys, sanctionsLists } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { tryNormalizeIdentifier } from "@/lib/identifiers/normalize";
import { drainJobs, wakeJobs } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import { nameKeys } from "@/lib/matching/names";
import type { SanctionsSource } from "./constants";
import type { ParsedEntry } from "./parsed";
import { parseFtm } from "./parse-ftm";
import { decodeOfacFile, parseSdn } from "./parse-sdn";
import { queueListImport, SANCTIONS_LIST, storeListFiles, waitForList } from "./list-job";

export interface ListFiles {
  source: SanctionsSource;
  fileName: string;
  file: Uint8Array;
  /** OFAC alt.csv and add.csv, beside sdn.csv. */
  alt?: Uint8Array;
  add?: Uint8Array;
  publishedAt?: string | null;
}

export interface StartedImport {
  id: string;
  /** false when this very file was imported before: the earlier version is the answer. */
  created: boolean;
  /** Settles when the entries are in (or the import failed); the version's status says which. */
  done: Promise<void>;
}

const BATCH = 500;

/** The version of the files: the SHA-256 of the main file, then the alias and address files in order. */
function versionHash(files: ListFiles): string {
  const hash = createHash("sha256").update(files.file);
  if (files.alt) hash.update(files.alt);
  if (files.add) hash.update(files.add);
  return hash.digest("hex");
}

function parse(files: Pick<ListFiles, "source" | "file" | "alt" | "add">): ParsedEntry[] {
  if (files.source === "ftm") return parseFtm(new TextDecoder("utf-8").decode(files.file));
  const text = (b: Uint8Array | undefined) => (b ? decodeOfacFile(b) : undefined);
  return parseSdn({ sdn: text(files.file)!, alt: text(files.alt), add: text(files.add) });
}

/** A date in the file's name ("ofac-sdn-2024-05-03.csv") when none is given. */
const dateInName = (name: string) => /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1] ?? null;

/**
 * Starts importing a list version: records it as importing and answers at once; the entries go in
 * afterwards in one transaction, so a version is either whole or failed with no entries (a list is
 * read whole into memory: the SDN file is 4 MB, consolidated lists some tens). The same
 * files imported again answer the version already there; a failed one is replaced.
 */
export async function startImport(actor: Actor | null, files: ListFiles): Promise<StartedImport> {
  // null: the operator's CLI or the demo seed, with the server's own rights.
  if (actor) authorize(actor, "sanctions:import", {}, "Sanctions list");
  if (files.file.byteLength === 0)
    throw new AppError("bad_request", "The list file is empty", [{ path: "file", message: "The file is empty" }]);
  const sha256 = versionHash(files);
  const publishedAt = files.publishedAt ?? dateInName(files.fileName);
  // The files go to the store first, so whichever instance runs the import job can read them.
  const stored = await storeListFiles(files);
  const started = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: sanctionsLists.id, status: sanctionsLists.status })
      .from(sanctionsLists)
      .where(and(eq(sanctionsLists.source, files.source), eq(sanctionsLists.sha256, sha256)))
      .for("update");
    if (existing && existing.status !== "failed") return { id: existing.id, created: false };
    if (existing) await tx.delete(sanctionsLists).where(eq(sanctionsLists.id, existing.id));
    const [row] = await tx
      .insert(sanctionsLists)
      .values({ source: files.source, fileName: files.fileName, sha256, publishedAt, importedById: actor?.id ?? null })
      .returning({ id: sanctionsLists.id });
    await queueListImport(tx, { listId: row!.id, source: files.source, ...stored });
    await recordAudit(tx, {
      actor,
      action: "sanctions.import",
      entityType: "sanctions_list",
      entityId: row!.id,
      detail: { source: files.source, fileName: files.fileName, sha256, publishedAt },
    });
    return { id: row!.id, created: true };
  });
  if (!started.created) return { ...started, done: Promise.resolve() };
  wakeJobs();
  // Run here at once when no worker took it first; either way the job's end is the import's.
  const done = drainJobs([SANCTIONS_LIST], [started.id]).then(() => waitForList(started.id));
  return { ...started, done };
}

/** Parses the files and writes the entries in one transaction; a failure marks the version failed. */
export async function fillList(
  listId: string,
  files: Pick<ListFiles, "source" | "file" | "alt" | "add">,
): Promise<void> {
  try {
    const entries = parse(files);
    if (entries.length === 0) throw new AppError("bad_request", "The file lists no entries");
    await db.transaction(async (tx) => {
      for (let i = 0; i < entries.length; i += BATCH) {
        const batch = entries.slice(i, i + BATCH);
        const ids = await tx
          .insert(sanctionsEntries)
          .values(batch.map((e) => ({ ...e, listId, nameKeys: nameKeys([e.name, ...e.aliases]) })))
          .returning({ id: sanctionsEntries.id });
        const keys = batch.flatMap((e, j) =>
          e.identifiers.flatMap((listed) => {
            const read = tryNormalizeIdentifier({ type: listed.type, value: listed.value, chain: listed.chain });
            if (!read.ok) return [];
            const { normalizedValue, value } = read.identifier;
            return [{ listId, entryId: ids[j]!.id, type: listed.type, normalizedValue, value }];
          }),
        );
        if (keys.length > 0) await tx.insert(sanctionsKeys).values(keys);
      }
      await tx
        .update(sanctionsLists)
        .set({ status: "done", entries: entries.length, finishedAt: new Date() })
        .where(eq(sanctionsLists.id, listId));
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The import failed; the server log has the cause";
    if (!(error instanceof AppError)) logger.error({ err: error, listId }, "sanctions list import failed");
    await db
      .update(sanctionsLists)
      .set({ status: "failed", error: message, finishedAt: new Date() })
      .where(eq(sanctionsLists.id, listId));
  }
}
