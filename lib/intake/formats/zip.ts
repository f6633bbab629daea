import yauzl from "yauzl";
import type { Extractor } from "./types";

const MAX_LISTED = 5_000;

/** The archive's listing (names and sizes): archives are listed, never expanded into new items. */
export const extractZipListing: Extractor = async function* (bytes) {
  const lines = await new Promise<string[]>((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true },
      (err, zip) => {
        if (err || !zip) return reject(err ?? new Error("not a ZIP archive"));
        const out: string[] = [];
        zip.on("entry", (entry: yauzl.Entry) => {
          out.push(`${entry.fileName}\t${entry.uncompressedSize} bytes`);
          if (out.length >= MAX_LISTED) {
            out.push(`… and ${zip.entryCount - out.length} more entries`);
            zip.close();
            resolve(out);
          } else zip.readEntry();
        });
        zip.on("end", () => resolve(out));
        zip.on("error", reject);
        zip.readEntry();
      },
    );
  });
  yield { label: "Archive listing", text: lines.join("\n") };
};
