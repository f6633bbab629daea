/** One page (PDF), part (an e-mail's message or attachment) or sheet of extracted text. */
export interface TextPage {
  /** "Attachment: cv.pdf", "Sheet: Applicants"; absent for plain numbered pages. */
  label?: string;
  text: string;
}

export interface ExtractContext {
  fileName: string;
  mimeType: string;
  /** Milliseconds left for this item; extractors that run other programs bound them by it. */
  remainingMs(): number;
  /** 0 for the item itself, 1 inside an e-mail's attachments (attachments of those are not opened). */
  depth: number;
}

export type Extractor = (bytes: Uint8Array, ctx: ExtractContext) => AsyncIterable<TextPage>;

/** A format with no text here (or no engine for it on this server): the item says so rather than failing. */
export class UnsupportedFormat extends Error {}
