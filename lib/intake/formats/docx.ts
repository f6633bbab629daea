import mammoth from "mammoth";
import type { Extractor } from "./types";

/** The document's text, paragraphs on their own lines (a Word file has no pages until it is laid out). */
export const extractDocx: Extractor = async function* (bytes) {
  const { value } = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  yield { text: value.replace(/\n{3,}/g, "\n\n").trim() };
};
