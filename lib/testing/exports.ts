import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import type { EvidenceView } from "@/lib/evidence/views";
import { createExport } from "@/lib/exports/create-export";
import { getExport } from "@/lib/exports/get-export";
import { buildsIdle } from "@/lib/exports/build-job";
import { packPath } from "@/lib/exports/paths";
import type { ExportOptionsInput } from "@/lib/exports/schema";
import type { ExportView } from "@/lib/exports/views";
import { multipart, uploadRequest } from "./evidence";

export interface FileSpec {
  name: string;
  bytes: Buffer;
  title?: string;
  kind?: string;
  collectedBy?: string;
  collectedAt?: string;
}

/** Uploads real bytes through the evidence lib, as the API would. */
export async function addEvidence(actor: Actor, caseId: string, file: FileSpec): Promise<EvidenceView> {
  const fields = Object.entries({
    title: file.title,
    kind: file.kind,
    collectedBy: file.collectedBy,
    collectedAt: file.collectedAt,
  })
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([name, value]) => ({ name, value }));
  const body = multipart([...fields, { name: "file", filename: file.name, data: file.bytes }]);
  return uploadEvidence({ actor, caseId, request: uploadRequest(caseId, body) });
}

/** Starts an export and waits until this process has finished building it. */
export async function exportAndWait(
  actor: Actor,
  caseId: string,
  options?: ExportOptionsInput,
): Promise<ExportView & { file: string }> {
  const { id } = await createExport({ actor, caseId, options });
  await buildsIdle();
  return { ...(await getExport({ actor, exportId: id })), file: packPath(id) };
}

export function run(command: string, args: string[], cwd?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8" });
}

/** Unpacks with the system's unzip into a fresh temp folder, as a recipient would. */
export function unzipPack(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-pack-"));
  const result = run("unzip", ["-q", file, "-d", dir]);
  if (result.status !== 0) throw new Error(`unzip failed: ${result.stderr}`);
  return dir;
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)],
    )
    .sort();
}
