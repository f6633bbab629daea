import path from "node:path";
import { Worker } from "node:worker_threads";
import type { TextStatus } from "./constants";
import type { TextPage } from "./formats/types";
import type { ExtractMessage, ExtractRequest } from "./worker/protocol";

export interface ExtractLimits {
  /** Wall time for one item; the thread is ended a little after it if the parser does not stop. */
  timeMs: number;
  maxPages: number;
  maxChars: number;
  /** Heap of the extraction thread: a decompression bomb ends the thread, never the server. */
  memoryMb: number;
}

export const defaultLimits: ExtractLimits = { timeMs: 60_000, maxPages: 2_000, maxChars: 5_000_000, memoryMb: 512 };

export interface Extracted {
  status: Exclude<TextStatus, "pending">;
  format: string | null;
  reason: string | null;
  pages: TextPage[];
}

interface Pending {
  id: number;
  pages: TextPage[];
  limits: ExtractLimits;
  timer: NodeJS.Timeout;
  settle: (result: Extracted) => void;
}

interface Pool {
  worker: Worker | null;
  next: number;
  current: Pending | null;
  waiting: (() => void)[];
}

// Files resolve from the project folder: the server and the CLI both run from it. The worker's
// sources are loaded by Node at run time, never bundled: the path is joined at run time, so the
// bundler does not follow it into tsx and esbuild.
const BOOTSTRAP = [process.cwd(), "lib", "intake", "worker", "bootstrap.mjs"].join(path.sep);
// Time the thread gets past its limit to stop on its own and say which page it reached.
const GRACE_MS = 2_000;

const poolKey = Symbol.for("casework.extractionPool");
function pool(): Pool {
  const g = globalThis as typeof globalThis & { [poolKey]?: Pool };
  g[poolKey] ??= { worker: null, next: 1, current: null, waiting: [] };
  return g[poolKey];
}

function spawn(p: Pool, memoryMb: number): Worker {
  const worker = new Worker(BOOTSTRAP, {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  worker.on("message", (message: ExtractMessage) => {
    const current = p.current;
    if (!current || message.id !== current.id) return;
    if (message.type === "page") current.pages.push(message.page);
    else finish(p, { status: message.status, format: message.format, reason: message.reason, pages: current.pages });
  });
  const died = (why: string) => {
    if (p.worker === worker) p.worker = null;
    const current = p.current;
    if (current)
      finish(p, {
        status: current.pages.length > 0 ? "partial" : "failed",
        format: null,
        reason: why,
        pages: current.pages,
      });
  };
  worker.on("error", (error: Error & { code?: string }) =>
    died(
      error.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `stopped at the memory limit of ${memoryMb} MB`
        : `the file could not be read: ${error.message.slice(0, 300)}`,
    ),
  );
  worker.on("exit", () => died("the text reader stopped unexpectedly"));
  return worker;
}

function finish(p: Pool, result: Extracted): void {
  const current = p.current;
  if (!current) return;
  clearTimeout(current.timer);
  p.current = null;
  current.settle(result);
  p.waiting.shift()?.();
}

/**
 * Reads the text of one file in a worker thread with its own heap limit, one file at a time per
 * process: a hostile or enormous file can stop its own extraction (the answer is partial or
 * failed, with the reason), never the server. Never throws.
 */
export async function extractText(
  bytes: Uint8Array,
  file: { fileName: string; mimeType: string },
  limits: ExtractLimits = defaultLimits,
): Promise<Extracted> {
  const p = pool();
  while (p.current) await new Promise<void>((resolve) => p.waiting.push(resolve));
  p.worker ??= spawn(p, limits.memoryMb);
  const worker = p.worker;
  const id = p.next++;
  return new Promise<Extracted>((settle) => {
    const timer = setTimeout(() => {
      // The parser is stuck inside one page: end the thread; the next item gets a new one.
      const current = p.current;
      p.worker = null;
      void worker.terminate();
      if (current?.id === id)
        finish(p, {
          status: current.pages.length > 0 ? "partial" : "failed",
          format: null,
          reason: `stopped at the time limit of ${Math.round(limits.timeMs / 1000)} s`,
          pages: current.pages,
        });
    }, limits.timeMs + GRACE_MS);
    p.current = { id, pages: [], limits, timer, settle };
    const request: ExtractRequest = {
      id,
      bytes,
      fileName: file.fileName,
      mimeType: file.mimeType,
      timeMs: limits.timeMs,
      maxPages: limits.maxPages,
      maxChars: limits.maxChars,
    };
    worker.postMessage(request);
  });
}

/** Ends the extraction thread (tests and the CLI, so the process can exit). */
export async function stopExtraction(): Promise<void> {
  const p = pool();
  const worker = p.worker;
  p.worker = null;
  if (worker) await worker.terminate();
}
