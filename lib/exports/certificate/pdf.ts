import { Layout, muted } from "../report/layout";
import type { Certificate, CertificateInput } from "./model";

/** A certificate as PDF, in the report's fonts, so names in any script print as stored. */
export async function certificatePdf(cert: Certificate, input: CertificateInput): Promise<Buffer> {
  const l = await Layout.create(JSON.stringify(cert.blocks));
  const { doc } = l;
  doc.setTitle(`${input.data.case.ref}: ${cert.title}`);
  doc.setSubject(cert.title);
  doc.setCreator(`${input.software.name} ${input.software.version}`);
  doc.setProducer(`${input.software.name} ${input.software.version} (pdf-lib)`);
  doc.setCreationDate(input.exportedAt);
  doc.setModificationDate(input.exportedAt);
  for (const block of cert.blocks) {
    switch (block.kind) {
      case "title":
        l.gap(6);
        l.text(block.text, { size: 14, font: l.bold, gapAfter: 4 });
        break;
      case "subtitle":
        l.text(block.text, { size: 10.5, color: muted, gapAfter: 12 });
        break;
      case "heading":
        if (block.newPage) l.newPage();
        l.heading(block.text, 1);
        break;
      case "paragraph":
        l.text(block.text, block.note ? { size: 8.5, color: muted, gapAfter: 8 } : { size: 10, gapAfter: 8 });
        break;
      case "fields":
        l.fields(block.pairs, 120);
        break;
      case "record":
        l.heading(block.heading, 2);
        l.fields(block.pairs, 120, new Set(block.mono));
        break;
      case "signature":
        // The signature lines stay together on one page.
        l.ensure(block.labels.length * 38 + 10);
        for (const label of block.labels) {
          l.ensure(40);
          l.gap(26);
          l.page.drawLine({ start: { x: l.left, y: l.y }, end: { x: l.left + 280, y: l.y }, thickness: 0.6 });
          l.text(label, { size: 8, color: muted, gapAfter: 2 });
        }
        l.gap(10);
        break;
    }
  }
  l.footers(input.data.case.ref, cert.footer);
  return Buffer.from(await doc.save());
}
