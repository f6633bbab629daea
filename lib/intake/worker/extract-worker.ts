import { parentPort } from "node:worker_threads";
import { readItem } from "../formats/read-item";
import { UnsupportedFormat } from "../formats/types";
import type { ExtractMessage, ExtractRequest } from "./protocol";

/*
 * Reads one item at a time and sends its pages back as it goes, so that when a limit stops it
 * (here, or the main thread ending this thread for time or memory) the pages read are kept.
 */
const port = parentPort;
if (!port) throw new Error("the extraction worker runs in a worker thread");

const post = (message: ExtractMessage) => port.postMessage(message);

port.on("message", (request: ExtractRequest) => {
  void run(request);
});

async function run(request: ExtractRequest): Promise<void> {
  const { id } = request;
  const deadline = Date.now() + request.timeMs;
  let format: string | null = null;
  let pages = 0;
  let chars = 0;
  try {
    const read = readItem(request.bytes, {
      fileName: request.fileName,
      mimeType: request.mimeType,
      remainingMs: () => deadline - Date.now(),
      depth: 0,
    });
    format = read.format;
    for await (const page of read.pages) {
      const room = request.maxChars - chars;
      const text = page.text.length > room ? page.text.slice(0, room) : page.text;
      post({ id, type: "page", page: { ...page, text } });
      pages += 1;
      chars += text.length;
      const limit =
        text.length < page.text.length
          ? `stopped at the limit of ${request.maxChars.toLocaleString("en-GB")} characters`
          : pages >= request.maxPages
            ? `stopped at the limit of ${request.maxPages.toLocaleString("en-GB")} pages`
            : Date.now() > deadline
              ? `stopped at the time limit of ${Math.round(request.timeMs / 1000)} s`
              : null;
      // Leaving the loop closes the extractor, which frees what it holds.
      if (limit) return post({ id, type: "end", status: "partial", format, reason: limit });
    }
    post({ id, type: "end", status: "done", format, reason: null });
  } catch (error) {
    if (error instanceof UnsupportedFormat)
      return post({ id, type: "end", status: "unsupported", format, reason: error.message });
    const message = error instanceof Error ? error.message : String(error);
    post({
      id,
      type: "end",
      status: pages > 0 ? "partial" : "failed",
      format,
      reason: `${pages > 0 ? "stopped by an error after the pages shown: " : "the file could not be read: "}${message.slice(0, 300)}`,
    });
  }
}
