import type { PackAuditEvent } from "../data";
import { type Layout, muted } from "./layout";
import { formatBytes } from "@/lib/format";
import { type ReportInput, when, words } from "./input";

/** The activity log is the audit log (who did what, when); past this many events the report says where the rest is. */
export const MAX_ACTIVITY_ROWS = 1500;

export function drawSummary(l: Layout, { data }: ReportInput): void {
  const c = data.case;
  l.heading("Summary");
  l.fields([
    ["Reference", c.ref],
    ["Title", c.title],
    ["Status", words(c.status)],
    ["Severity", c.severity],
    ["Lead investigator", c.lead ? `${c.lead.name} <${c.lead.email}>` : null],
    ["Members", c.members.map((m) => `${m.name} (${m.role})`).join(", ")],
    ["Opened", when(c.openedAt)],
    ["Contained", c.containedAt ? when(c.containedAt) : null],
    ["Closed", c.closedAt ? `${when(c.closedAt)}${c.closingReason ? `: ${c.closingReason}` : ""}` : null],
    ["Tags", c.tags.join(", ")],
  ]);
  l.text(c.summary || "No summary was written for this case.", { size: 10 });
  l.heading("Subject", 2);
  l.fields([
    ["Name as claimed", c.subject.name],
    ["Role", c.subject.role],
    ["Team", c.subject.team],
    ["Hiring channel or vendor", c.subject.hiringChannel],
    ["Start date", c.subject.startDate],
    ["Access level", c.subject.accessLevel],
    ["Location", c.subject.location],
  ]);
}

function detailText(detail: Record<string, unknown>): string {
  const show = (v: unknown): string | null => {
    if (v === null || v === "" || (Array.isArray(v) && v.length === 0)) return null;
    if (Array.isArray(v))
      return v.every((x) => typeof x !== "object") ? v.join(", ") : `${v.length} item${v.length === 1 ? "" : "s"}`;
    return typeof v === "object" ? null : String(v);
  };
  return Object.entries(detail)
    .flatMap(([k, v]) => {
      const text = show(v);
      return text === null ? [] : [`${k}: ${text}`];
    })
    .join("; ")
    .slice(0, 240);
}

export function drawActivityLog(l: Layout, events: readonly PackAuditEvent[]): void {
  l.heading("Activity log");
  if (events.length === 0) {
    l.text("The audit log has no events for this case.", { color: muted });
    return;
  }
  const shown = events.slice(0, MAX_ACTIVITY_ROWS);
  l.text(
    `From the audit log: ${events.length} event${events.length === 1 ? "" : "s"}, oldest first. audit.csv has every event with its chain hashes.`,
    { size: 9, color: muted },
  );
  l.table(
    [
      { header: "Time (UTC)", width: 78 },
      { header: "By", width: 110 },
      { header: "Action", width: 95 },
      { header: "Detail", width: l.contentWidth - 283 },
    ],
    shown.map((e) => [when(e.at).replace(" UTC", ""), e.actor, words(e.action), detailText(e.detail)]),
    { size: 7.5 },
  );
  if (events.length > shown.length)
    l.text(`${events.length - shown.length} later events are in audit.csv.`, { size: 9, color: muted });
}

export function drawEvidenceIndex(l: Layout, { included }: ReportInput): void {
  l.heading("Evidence index");
  if (included.length === 0) {
    l.text("No evidence files are in this pack.", { color: muted });
    return;
  }
  l.text(
    "Each file is in the pack under evidence/ with its exhibit number. The SHA-256 is the file's hash as recorded when it was collected; it is checked again as the file is packed.",
    { size: 9, color: muted },
  );
  l.table(
    [
      { header: "Exhibit", width: 42 },
      { header: "Title", width: 114 },
      { header: "Kind", width: 55 },
      { header: "SHA-256", width: 144, mono: true },
      { header: "Collected by / at", width: l.contentWidth - 355 },
    ],
    included.map(({ item }) => [
      item.exhibitNo,
      `${item.title}\n${item.originalName}\n${formatBytes(item.size)}, ${item.mimeType}`,
      words(item.kind),
      item.sha256,
      `${item.collectedBy ?? item.uploadedBy ?? "—"}\n${item.collectedAt ? when(item.collectedAt) : `uploaded ${when(item.createdAt)}`}`,
    ]),
  );
}

export function drawLeftOut(l: Layout, { leftOut, data }: ReportInput): void {
  if (leftOut.length === 0 && data.withdrawn.length === 0) return;
  l.heading("Items not in the pack");
  if (leftOut.length) {
    l.table(
      [
        { header: "Exhibit", width: 42 },
        { header: "Title", width: 150 },
        { header: "Reason", width: l.contentWidth - 192 },
      ],
      leftOut.map(({ item, reason }) => [item.exhibitNo, item.title, reason]),
    );
  }
  if (data.withdrawn.length) {
    l.text("Deleted before this export (their exhibit numbers are not reused):", { size: 9, color: muted });
    l.table(
      [
        { header: "Exhibit", width: 42 },
        { header: "Title", width: 150 },
        { header: "Deleted", width: 90 },
        { header: "Reason", width: l.contentWidth - 282 },
      ],
      data.withdrawn.map((w) => [w.exhibitNo, w.title, when(w.deletedAt), w.reason ?? "—"]),
    );
  }
}
