import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import type { Block, Certificate, CertificateInput } from "./model";

// A4 with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH = 11906 - 2 * 1134;

/** Lines of a cell or paragraph as runs separated by breaks, so "\n" survives in Word. */
function runs(text: string, options: { bold?: boolean; size?: number; font?: string; color?: string } = {}) {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));
}

function blockToDocx(block: Block): Paragraph[] {
  switch (block.kind) {
    case "title":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text, { size: 28, bold: true }) })];
    case "subtitle":
      return [new Paragraph({ spacing: { after: 240 }, children: runs(block.text, { color: "555555" }) })];
    case "heading":
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          pageBreakBefore: block.newPage ?? false,
          spacing: { before: 240 },
          children: runs(block.text),
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          spacing: { after: 160 },
          alignment: block.note ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
          children: runs(block.text, block.note ? { size: 17, color: "555555" } : {}),
        }),
      ];
    case "fields":
      return block.pairs.map(
        ([label, value]) =>
          new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)] }),
      );
    case "record":
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_3, spacing: { before: 200 }, children: runs(block.heading) }),
        ...block.pairs.map(
          ([label, value]) =>
            new Paragraph({
              indent: { left: 283 },
              children: [
                new TextRun({ text: `${label}: `, bold: true, size: 18 }),
                ...runs(value, block.mono.includes(label) ? { size: 17, font: "Courier New" } : { size: 18 }),
              ],
            }),
        ),
      ];
    case "signature":
      return block.labels.flatMap((label) => [
        new Paragraph({
          spacing: { before: 480 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
          indent: { right: TEXT_WIDTH / 2 },
          children: [],
        }),
        new Paragraph({ children: runs(label, { size: 16, color: "555555" }) }),
      ]);
  }
}

/**
 * A certificate as DOCX for counsel to edit. Word picks a font for each script itself, so names in
 * Hangul, Chinese or Cyrillic show as stored on any machine with the usual system fonts.
 */
export async function certificateDocx(cert: Certificate, input: CertificateInput): Promise<Buffer> {
  const doc = new Document({
    creator: `${input.software.name} ${input.software.version}`,
    title: `${input.data.case.ref}: ${cert.title}`,
    description: cert.title,
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    size: 16,
                    children: [
                      `${input.data.case.ref} · ${cert.footer} · Page `,
                      PageNumber.CURRENT,
                      " of ",
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: cert.blocks.flatMap(blockToDocx),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
