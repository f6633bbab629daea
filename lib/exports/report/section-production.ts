import type { ReportInput } from "./input";
import { type Layout, muted } from "./layout";

/** The production for review platforms: its Bates range and load files, and the privilege log. */
export function drawProduction(l: Layout, { production }: ReportInput): void {
  if (!production) return;
  l.heading("Production for review platforms");
  const range =
    production.firstBates && production.lastBates ? `${production.firstBates} to ${production.lastBates}` : "none";
  l.fields(
    [
      ["Bates prefix", production.batesPrefix],
      ["Bates numbers", range],
      ["Documents", String(production.documents)],
      ["Pages", String(production.pages)],
      ["Load file (DAT)", production.loadFile],
      ["Image load file (OPT)", production.imageLoadFile],
      ["Privilege log", production.privilegeLog ?? "none: no privileged item was withheld"],
    ],
    150,
  );
  if (production.withheld.length === 0) return;
  l.heading("Privilege log", 2);
  l.text("Privileged items withheld from the production:", { size: 9, color: muted });
  l.table(
    [
      { header: "Exhibit", width: 42 },
      { header: "Title", width: 120 },
      { header: "Collected", width: 58 },
      { header: "Custodian", width: 90 },
      { header: "Reason withheld", width: l.contentWidth - 310 },
    ],
    production.withheld.map((w) => [w.exhibitNo, w.title, w.collectedAt, w.custodian || "—", w.reason]),
  );
}
