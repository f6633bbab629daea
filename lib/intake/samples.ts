import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { PDFDocument, StandardFonts } from "pdf-lib";

/*
 * Real files of each format, made in code: the tests read them, and the demo seed and the
 * benchmark use them so no real person's document is ever shipped.
 */

/** A PDF with one text page per entry (lines split on "\n"), in a built-in font (Latin-1 only). */
export async function makePdf(pages: readonly string[], title = "Document"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([595, 842]);
    let y = 790;
    for (const line of text.split("\n")) {
      page.drawText(line, { x: 50, y, size: 11, font });
      y -= 16;
      if (y < 40) break;
    }
  }
  return doc.save();
}

/** A Word document with one paragraph per line. */
export async function makeDocx(lines: readonly string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A workbook with one sheet per entry: a header row then the rows. */
export async function makeXlsx(sheets: Record<string, readonly (readonly string[])[]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An RFC 5322 message with a plain-text body and the given attachments (base64). */
export function makeEml({
  from,
  to,
  subject,
  date = "Tue, 03 Mar 2026 09:15:00 +0000",
  body,
  attachments = [],
}: {
  from: string;
  to: string;
  subject: string;
  date?: string;
  body: string;
  attachments?: { name: string; type: string; data: Uint8Array }[];
}): Uint8Array {
  const boundary = "=_casework_sample_boundary";
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    "Message-ID: <sample-1@example.com>",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    body,
  ];
  for (const a of attachments) {
    const b64 = Buffer.from(a.data).toString("base64").replace(/.{76}/g, "$&\r\n");
    lines.push(
      `--${boundary}`,
      `Content-Type: ${a.type}; name="${a.name}"`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename="${a.name}"`,
      "",
      b64,
    );
  }
  lines.push(`--${boundary}--`, "");
  return new TextEncoder().encode(lines.join("\r\n"));
}
