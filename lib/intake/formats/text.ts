import type { Extractor } from "./types";

/** UTF-8 (a byte-order mark dropped); bytes that are not UTF-8 read as Windows-1252, as mail clients do. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export const extractPlainText: Extractor = async function* (bytes) {
  yield { text: decodeText(bytes) };
};
