import type { NamedFiles } from "@/lib/storage";
import type { AuditAnchor } from "./anchor";
import type { FileAnchorLog } from "./anchor-file";
import type { AnchorEntry, AnchorLog } from "./anchor-log";

/** `<seq, 15 digits>-<ms since 1970, 15 digits>.json`: the names sort as the anchors were written. */
const ANCHOR_NAME = /^\d{15}-\d{15}\.json$/;
/** The newest anchor, rewritten by each writer under the anchor lock, so finding it is one read. */
const LATEST = "latest.json";

export const anchorObjectName = (anchor: Pick<AuditAnchor, "seq" | "at">) =>
  `${String(anchor.seq).padStart(15, "0")}-${String(Date.parse(anchor.at)).padStart(15, "0")}.json`;

async function text(files: NamedFiles, name: string): Promise<string | null> {
  try {
    const parts: Buffer[] = [];
    for await (const chunk of await files.get(name)) parts.push(chunk as Buffer);
    return Buffer.concat(parts).toString("utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "not_found") return null;
    throw error;
  }
}

/**
 * Anchors as immutable objects in the store's `anchors` folder, one per anchor, so every instance
 * sharing the store sees the same anchors. Lines left in the data folder's file from before come
 * first: they are older than any object.
 */
export class StoreAnchorLog implements AnchorLog {
  constructor(
    readonly files: NamedFiles,
    readonly legacy: FileAnchorLog,
    readonly where: string,
  ) {}

  private async names(): Promise<string[]> {
    return (await this.files.list()).filter((n) => ANCHOR_NAME.test(n));
  }

  async *entries(): AsyncIterable<AnchorEntry> {
    for await (const entry of this.legacy.entries())
      yield { ...entry, label: `${entry.label} of ${this.legacy.where}` };
    for (const name of await this.names()) {
      const body = await text(this.files, name);
      if (body !== null) yield { label: `anchor ${name}`, text: body };
    }
  }

  async *newestFirst(): AsyncIterable<string> {
    // The pointer first; if it is missing or does not verify, the reader goes on to the objects.
    const latest = await text(this.files, LATEST);
    if (latest !== null) yield latest;
    for (const name of (await this.names()).reverse()) {
      const body = await text(this.files, name);
      if (body !== null) yield body;
    }
    yield* this.legacy.newestFirst();
  }

  async append(anchor: AuditAnchor): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(anchor)}\n`);
    await this.files.write(anchorObjectName(anchor), bytes);
    await this.files.write(LATEST, bytes);
  }
}
