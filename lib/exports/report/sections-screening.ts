import { sanctionsSourceLabels } from "@/lib/sanctions/constants";
import { type ReportInput, when } from "./input";
import { type Layout, muted } from "./layout";

const listLabel = (source: string) => sanctionsSourceLabels[source as keyof typeof sanctionsSourceLabels] ?? source;

/** Sanctions screening: the list versions (date, SHA-256) and every hit with its decision. */
export function drawScreening(l: Layout, { data }: ReportInput): void {
  const { lists, hits } = data.screening;
  l.heading("Sanctions screening");
  if (lists.length === 0) {
    l.text("No sanctions list had been imported when this pack was made: the personas were not screened.", {
      color: muted,
    });
    return;
  }
  l.text("The personas as they stand at export time, screened against the current version of each list:", {
    size: 9,
    color: muted,
  });
  l.table(
    [
      { header: "List", width: 110 },
      { header: "Published", width: 70 },
      { header: "Entries", width: 50 },
      { header: "SHA-256 of the list file", width: l.contentWidth - 230, mono: true },
    ],
    lists.map((v) => [listLabel(v.source), v.publishedAt ?? "—", String(v.entries), v.sha256]),
  );
  if (hits.length === 0) {
    l.text("No persona of this case is on these lists.", { size: 10 });
    return;
  }
  const names = new Map(data.personas.map((p) => [p.id, p.displayName]));
  l.table(
    [
      { header: "Persona", width: 85 },
      { header: "Listed entry", width: 120 },
      { header: "Matched", width: 125 },
      { header: "Score", width: 35 },
      { header: "Decision", width: l.contentWidth - 365 },
    ],
    hits.map((h) => [
      names.get(h.personaId) ?? "—",
      `${h.entry.name}\n${listLabel(h.listVersion.source)} entry ${h.entry.entNum}${h.entry.program ? `, ${h.entry.program}` : ""}`,
      h.matched.map((m) => `${m.kind}: ${m.value}`).join("\n"),
      String(h.score),
      h.dismissal
        ? `Dismissed as a false positive by ${h.dismissal.by ?? "a former user"}, ${when(h.dismissal.at)}: ${h.dismissal.reason}`
        : "Open",
    ]),
  );
}
