import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/*
 * Import this first in an evidence test file: it gives the file its own data folder before
 * lib/env.ts is read, so "no file left behind" can be checked without seeing other files' uploads.
 */
const dataDir = path.join(inject("dataDir"), `evidence-${randomUUID().slice(0, 8)}`);
fs.mkdirSync(dataDir, { recursive: true });
process.env.DATA_DIR = dataDir;

export const evidenceDataDir = dataDir;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every stored evidence file, as paths. */
export const storedFiles = () => walk(path.join(dataDir, "evidence"));
/** Every upload temp file (not the leases of the processes that write them). */
export const tempFiles = () =>
  walk(path.join(dataDir, "tmp")).filter((f) => !f.startsWith(path.join(dataDir, "tmp", "leases") + path.sep));
export const storedPath = (sha256: string) =>
  path.join(dataDir, "evidence", sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** The system's own sha256sum, so the app's hashing is checked against an independent tool. */
export function sha256sum(bytes: Buffer): string {
  const file = path.join(dataDir, `sum-${randomUUID()}`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync("sha256sum", [file], { encoding: "utf8" }).split(/\s+/)[0] ?? "";
  } finally {
    fs.rmSync(file);
  }
}

/** `filenameStar` sends the name RFC 2231-encoded, the way a client can smuggle bytes a plain header cannot carry. */
export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; filenameStar?: boolean; type?: string; data: Buffer };

export const BOUNDARY = "----caseworkTestBoundary7MA4YWxkTrZu0gW";

/** A multipart/form-data body built by hand, so tests control every byte (odd file names included). */
export function multipart(parts: Part[], boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("data" in part) {
      const name = part.filenameStar
        ? `filename*=UTF-8''${encodeURIComponent(part.filename)}`
        : `filename="${part.filename}"`;
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"; ${name}\r\n`, "utf8"));
      chunks.push(
        Buffer.from(`Content-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`),
        part.data,
        Buffer.from("\r\n"),
      );
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;

export function uploadRequest(
  caseId: string,
  body: Buffer | ReadableStream<Uint8Array>,
  init: { token?: string; type?: string; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { "content-type": init.type ?? multipartType, ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new Request(`http://localhost/api/cases/${caseId}/evidence`, {
    method: "POST",
    headers,
    body: body as BodyInit,
    signal: init.signal,
    duplex: "half",
  } as RequestInit);
}

/** A body that sends `head`, then fails as a dropped connection does. */
export function droppingBody(head: Buffer): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new Uint8Array(head));
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
      controller.error(new Error("socket hang up"));
    },
  });
}

/** A body that sends `head` and then never another byte (the client vanished without a reset). */
export function stallingBody(head: Buffer): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new Uint8Array(head));
        return;
      }
      return new Promise(() => {});
    },
  });
}
