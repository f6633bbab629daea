import { simpleParser } from "mailparser";
import { htmlToText } from "./html";
import type { Extractor, ExtractContext, TextPage } from "./types";

type Inner = (bytes: Uint8Array, ctx: ExtractContext) => AsyncIterable<TextPage>;

const HEADERS = ["from", "reply-to", "to", "cc", "bcc", "subject", "date", "message-id", "return-path"] as const;

/**
 * The message (its addressing headers and body) as the first part, then each attachment as its
 * own part, read by the attachment's own format. Attachments of attachments are not opened.
 */
export function emailExtractor(readInner: Inner): Extractor {
  return async function* (bytes, ctx) {
    const mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      skipHtmlToText: true,
      skipTextLinks: true,
    });
    const headerLines: string[] = [];
    for (const name of HEADERS) {
      const value = mail.headers.get(name);
      if (value === undefined) continue;
      const text =
        value instanceof Date
          ? value.toISOString()
          : typeof value === "string"
            ? value
            : typeof value === "object" && value && "text" in value
              ? String((value as { text: unknown }).text)
              : "";
      if (text) headerLines.push(`${name.replace(/(^|-)\w/g, (c) => c.toUpperCase())}: ${text}`);
    }
    const body = mail.text?.trim() || (typeof mail.html === "string" ? htmlToText(mail.html) : "");
    yield { label: "Message", text: `${headerLines.join("\n")}\n\n${body}`.trim() };
    for (const attachment of mail.attachments) {
      const name = attachment.filename ?? "attachment";
      if (ctx.depth > 0) {
        yield { label: `Attachment: ${name}`, text: "" };
        continue;
      }
      const inner = readInner(new Uint8Array(attachment.content), {
        ...ctx,
        fileName: name,
        mimeType: attachment.contentType,
        depth: ctx.depth + 1,
      });
      let n = 0;
      for await (const page of inner) {
        n += 1;
        const where = page.label ? `, ${page.label}` : n > 1 ? `, page ${n}` : "";
        yield { label: `Attachment: ${name}${where}`, text: page.text };
      }
      if (n === 0) yield { label: `Attachment: ${name}`, text: "" };
    }
  };
}
