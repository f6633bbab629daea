import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { assertFileName, type ByteRange, type NamedFiles } from "./store";

const isErrno = (error: unknown, code: string) => (error as NodeJS.ErrnoException | null)?.code === code;

/** Staging files of `name` in a folder: `<name>.<8 hex>.part`, one per attempt. */
export async function removeStaging(dir: string, prefix: string): Promise<void> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(`${prefix}.`) && n.endsWith(".part"))
      .map((n) => fsp.rm(path.join(dir, n), { force: true })),
  );
}

/**
 * Named files in `<root>/<folder>/<name>`, built beside their final place as
 * `<name>.<attempt>.part`, so publishing is one rename on the same file system, made durable by
 * syncing the folder.
 */
export class LocalNamedFiles implements NamedFiles {
  constructor(readonly dir: string) {}

  pathOf(name: string): string {
    assertFileName(name);
    return path.join(this.dir, name);
  }

  async stagingPath(name: string): Promise<string> {
    const temp = `${this.pathOf(name)}.${randomUUID().slice(0, 8)}.part`;
    await fsp.mkdir(this.dir, { recursive: true });
    return temp;
  }

  async removePartials(name: string): Promise<void> {
    assertFileName(name);
    await removeStaging(this.dir, name);
  }

  async publish(name: string, file: string): Promise<void> {
    await fsp.rename(file, this.pathOf(name));
    const dir = await fsp.open(this.dir, "r");
    await dir.sync().finally(() => dir.close());
  }

  async get(name: string, range?: ByteRange): Promise<Readable> {
    const handle = await fsp.open(this.pathOf(name), "r").catch((error: unknown) => {
      if (isErrno(error, "ENOENT")) throw new AppError("not_found", "The file is no longer in storage");
      throw error;
    });
    return handle.createReadStream({ start: range?.start, end: range?.end, highWaterMark: 1 << 20 });
  }

  async size(name: string): Promise<number | null> {
    const stat = await fsp.stat(this.pathOf(name)).catch((error: unknown) => {
      if (isErrno(error, "ENOENT")) return null;
      throw error;
    });
    return stat?.isFile() ? stat.size : null;
  }

  async remove(name: string): Promise<void> {
    await Promise.all([this.removePartials(name), fsp.rm(this.pathOf(name), { force: true })]);
  }

  async write(name: string, bytes: Buffer): Promise<void> {
    const temp = await this.stagingPath(name);
    try {
      const handle = await fsp.open(temp, "w");
      await handle
        .writeFile(bytes)
        .then(() => handle.sync())
        .finally(() => handle.close());
      await this.publish(name, temp);
    } finally {
      await fsp.rm(temp, { force: true });
    }
  }

  async list(): Promise<string[]> {
    const names = await fsp.readdir(this.dir).catch((error: unknown) => {
      if (isErrno(error, "ENOENT")) return [] as string[];
      throw error;
    });
    return names.filter((n) => !n.endsWith(".part")).sort();
  }
}
