import { drawCover } from "./cover";
import { drawGraph } from "./graph";
import type { ReportInput } from "./input";
import { Layout } from "./layout";
import { drawChronology } from "./section-chronology";
import { drawProduction } from "./section-production";
import { drawEvidenceIndex, drawLeftOut, drawSummary, drawActivityLog } from "./sections-case";
import { drawScreening } from "./sections-screening";
import { drawNotes, drawPersonas, drawReferrals, drawRemediation } from "./sections-work";

export type { ReportInput } from "./input";

/** report.pdf: the case as a person reads it, drawn with pdf-lib (no browser at run time). */
export async function renderReport(input: ReportInput): Promise<Buffer> {
  // The input holds every name, note and value the report prints; its own words are Latin.
  const l = await Layout.create(JSON.stringify(input));
  const { doc } = l;
  const c = input.data.case;
  doc.setTitle(`${c.ref}: ${c.title}`);
  doc.setSubject("Evidence pack report");
  doc.setAuthor(input.exporter.name);
  doc.setCreator(`${input.software.name} ${input.software.version}`);
  doc.setProducer(`${input.software.name} ${input.software.version} (pdf-lib)`);
  doc.setCreationDate(input.exportedAt);
  doc.setModificationDate(input.exportedAt);

  drawCover(l, input);
  l.newPage();
  drawSummary(l, input);
  drawEvidenceIndex(l, input);
  drawLeftOut(l, input);
  drawProduction(l, input);
  drawPersonas(l, input);
  drawScreening(l, input);
  if (input.includeGraph) drawGraph(l, input.data);
  l.newPage();
  drawRemediation(l, input);
  drawReferrals(l, input);
  drawNotes(l, input);
  drawChronology(l, input.data.timeline);
  drawActivityLog(l, input.data.audit);
  l.footers(c.ref);
  return Buffer.from(await doc.save());
}
