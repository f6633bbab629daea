import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { assertFileName, type ByteRange, type NamedFiles } from "./store";

const isErrno = (error: unknown, code: string) => (error as NodeJS.ErrnoException | null)?.code === code;

/**
 * Named files in `<root>/<folder>/<name>`, built beside their final place as `<name>.part`, so
 * publishing is one rename on the same file system, made durable by syncing the folder.
 */
export class LocalNamedFiles implements NamedFiles {
  constructor(readonly dir: string) {}

  pathOf(name: string): string {
    assertFileName(name);
    return path.join(this.dir, name);
  }

  async stagingPath(name: string): Promise<string> {
    const temp = `${this.pathOf(name)}.part`;
    await fsp.mkdir(this.dir, { recursive: true });
    await fsp.rm(temp, { force: true });
    return temp;
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
    const file = this.pathOf(name);
    await Promise.all([fsp.rm(`${file}.part`, { force: true }), fsp.rm(file, { force: true })]);
  }
}
