import { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import { type DbOrTx, db } from "@/db";
import { jobs, sanctionsLists } from "@/db/schema";
import { graphChanged } from "@/lib/graph/cache";
import { type JobHandler, PermanentJobError } from "@/lib/jobs/handlers";
import { enqueueJob } from "@/lib/jobs/queue";
import { evidenceStore } from "@/lib/storage";
import type { SanctionsSource } from "./constants";
import type { ListFiles } from "./import-list";
import { rescreenList } from "./rescreen-list";

export const SANCTIONS_LIST = "sanctions.list";

interface StoredListFiles {
  file: string;
  alt: string | null;
  add: string | null;
}

/** Puts the list's files in the blob store (content-addressed, so the same file twice is stored once). */
export async function storeListFiles(files: ListFiles): Promise<StoredListFiles> {
  const put = async (bytes: Uint8Array | undefined) =>
    bytes ? (await evidenceStore().put(Readable.from([Buffer.from(bytes)]))).sha256 : null;
  return { file: (await put(files.file))!, alt: await put(files.alt), add: await put(files.add) };
}

export async function queueListImport(
  runner: DbOrTx,
  payload: StoredListFiles & { listId: string; source: SanctionsSource },
): Promise<void> {
  await enqueueJob(runner, { kind: SANCTIONS_LIST, key: payload.listId, payload: { ...payload } });
}

async function readBlob(sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await evidenceStore().get(sha256)) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

const statusOf = async (listId: string) =>
  (await db.select({ status: sanctionsLists.status }).from(sanctionsLists).where(eq(sanctionsLists.id, listId)))[0]
    ?.status;

/**
 * Fills the version's entries (one transaction), then screens every persona holding one of its
 * identifiers, a batch per transaction (rescreen-list.ts). A retry after a process died skips what
 * was committed: a filled version is only screened again, which adds nothing already raised.
 */
export const importListHandler: JobHandler = {
  concurrency: 1,
  async run({ job, progress }) {
    const p = job.payload as Partial<StoredListFiles & { listId: string; source: SanctionsSource }>;
    if (typeof p.listId !== "string" || typeof p.file !== "string" || !p.source)
      throw new PermanentJobError("the job names no list version");
    const { fillList } = await import("./import-list");
    if ((await statusOf(p.listId)) === "importing")
      await fillList(p.listId, {
        source: p.source,
        file: await readBlob(p.file),
        alt: p.alt ? await readBlob(p.alt) : undefined,
        add: p.add ? await readBlob(p.add) : undefined,
      });
    if ((await statusOf(p.listId)) !== "done") return;
    await progress(500);
    await rescreenList(p.listId, { onProgress: (screened, total) => progress(500 + (500 * screened) / total) });
    graphChanged();
  },
  async onFailed(job, message) {
    const listId = job.payload.listId;
    if (typeof listId !== "string") return;
    await db
      .update(sanctionsLists)
      .set({ status: "failed", error: message, finishedAt: new Date() })
      .where(and(eq(sanctionsLists.id, listId), eq(sanctionsLists.status, "importing")));
  },
};

/** Resolves once the version's import job has ended, whichever process ran it. */
export async function waitForList(listId: string): Promise<void> {
  for (;;) {
    const [open] = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, SANCTIONS_LIST), eq(jobs.key, listId), inArray(jobs.status, ["queued", "running"])));
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
