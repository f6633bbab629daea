import { rgb } from "pdf-lib";
import { type Layout, muted } from "./layout";
import { formatBytes, formatCount } from "@/lib/format";
import { type ReportInput, when, words } from "./input";

/** The first page: what this is, which case, who made it, and the manifest hash to check it against. */
export function drawCover(l: Layout, input: ReportInput): void {
  const { data } = input;
  l.gap(60);
  l.text("Evidence pack report", { size: 24, font: l.bold, gapAfter: 10 });
  l.text(data.case.ref, { size: 16, font: l.bold, gapAfter: 2 });
  l.text(data.case.title, { size: 14, gapAfter: 24 });
  l.fields([
    ["Exported", when(input.exportedAt.toISOString())],
    ["Exported by", `${input.exporter.name} <${input.exporter.email}>`],
    ["Software", `${input.software.name} ${input.software.version}`],
    ["Case status", `${words(data.case.status)}, severity ${data.case.severity}`],
    [
      "Evidence in the pack",
      `${formatCount(input.included.length, "item")}, ${formatBytes(input.included.reduce((n, i) => n + i.item.size, 0))}`,
    ],
    [
      "Left out",
      input.leftOut.length
        ? `${input.leftOut.length} item${input.leftOut.length === 1 ? "" : "s"}, each with its reason (see "Items not in the pack")`
        : "None",
    ],
    [
      "Personas, identifiers",
      `${data.personas.length} personas, ${data.identifiers.length} identifiers, ${data.links.length} links`,
    ],
  ]);
  l.gap(16);
  const boxTop = l.y;
  l.gap(10);
  l.text("SHA-256 of manifest.json", { size: 10, font: l.bold, indent: 12, gapAfter: 2 });
  l.text(input.manifestSha256, { size: 9, font: l.mono, indent: 12, gapAfter: 8 });
  l.text("Signing key fingerprint (SHA-256 of the public key)", { size: 10, font: l.bold, indent: 12, gapAfter: 2 });
  l.text(input.fingerprint, { size: 9, font: l.mono, indent: 12, gapAfter: 8 });
  l.text("Trusted timestamp (RFC 3161, manifest.tsr)", { size: 10, font: l.bold, indent: 12, gapAfter: 2 });
  l.text(
    input.timestamp
      ? `${input.timestamp.genTime.replace("T", " ").replace(/(\.\d+)?Z$/, " UTC")}, by ${input.timestamp.signer ?? "the time-stamping authority"}`
      : "None: no time-stamping authority was configured, so the export time is the instance's own clock.",
    { size: 9, indent: 12, gapAfter: 10 },
  );
  l.page.drawRectangle({
    x: l.left,
    y: l.y,
    width: l.contentWidth,
    height: boxTop - l.y,
    borderColor: rgb(0.2, 0.3, 0.55),
    borderWidth: 1,
  });
  l.gap(14);
  l.text(
    "manifest.json lists every file of the pack with its size and SHA-256 and is signed with the instance's Ed25519 key (manifest.sig, public-key.pem). VERIFY.txt in the pack explains how to check everything with sha256sum and openssl; this report is covered by SHA256SUMS.",
    { size: 9, color: muted },
  );
}
