import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * A secret kept in the data folder (session-signing secret, identifier hash key, pack signing
 * key): read when it exists, else made by `create` and written once, mode 0600. The new secret is
 * written to a temp file and hard-linked into place: a link fails when the name exists, so two
 * processes starting at once agree on one secret, and nobody ever reads a half-written file.
 */
export function dataFolderSecret(name: string, create: () => string, dataDir = env.DATA_DIR): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const temp = path.join(dataDir, `.${name}.${randomUUID()}.tmp`);
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, create());
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    // Another process made it first: theirs is the one.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return fs.readFileSync(file, "utf8");
}
