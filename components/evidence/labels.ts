import { formatDateTime } from "@/components/cases/labels";
import type { CustodyAction, EvidenceKind } from "@/lib/evidence/constants";
import { formatBytes } from "@/lib/format";

export const kindLabels: Record<EvidenceKind, string> = {
  document: "Document",
  screenshot: "Screenshot",
  chat_log: "Chat log",
  email: "Email",
  hr_record: "HR record",
  network_log: "Network log",
  interview_recording: "Interview recording",
  code: "Code",
  other: "Other",
};

export const custodyLabels: Record<CustodyAction, string> = {
  collected: "Collected",
  uploaded: "Uploaded",
  viewed: "Viewed",
  downloaded: "Downloaded",
  exported: "Exported",
  verified: "Verified",
  verification_failed: "Verification FAILED",
  hold_placed: "Hold placed",
  hold_released: "Hold released",
  deleted: "Deleted",
  duplicate_kept: "Kept as a new exhibit despite identical bytes",
};

export const shortHash = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** A first guess at the kind from the file's name and type; the uploader can change it. */
export function guessKind(file: { name: string; type: string }): EvidenceKind {
  const name = file.name.toLowerCase();
  if (file.type.startsWith("image/")) return "screenshot";
  if (file.type.startsWith("audio/") || file.type.startsWith("video/")) return "interview_recording";
  if (/\.(eml|msg|mbox)$/.test(name)) return "email";
  if (/\.(pcap|pcapng|har)$/.test(name) || /(vpn|proxy|netflow|firewall).*\.(log|csv|json)$/.test(name))
    return "network_log";
  if (/(chat|slack|teams|telegram|whatsapp|discord)/.test(name) || /\.(log|txt)$/.test(name)) return "chat_log";
  if (/\.(js|ts|py|go|rs|java|rb|php|sh|diff|patch)$/.test(name)) return "code";
  if (/\.(pdf|docx?|odt|rtf|xlsx?|csv|pptx?)$/.test(name)) return "document";
  return "other";
}

/** Words for the keys custody events record; a key not listed here is spelled out from its name. */
const custodyDetailLabels: Record<string, string> = {
  collectedAt: "Collected",
  collectedBy: "Collected by",
  source: "Source",
  originalName: "File name",
  mimeType: "Type",
  claimedMimeType: "Type the uploader gave",
  size: "Size",
  sha256: "SHA-256",
  expected: "Expected SHA-256",
  actual: "SHA-256 found",
  problem: "Problem",
  range: "Part read",
  exhibitNo: "Exhibit",
  reason: "Reason",
  duplicateOf: "Identical to",
  exportId: "Export",
  path: "Path in the pack",
  fileName: "Pack",
  packSha256: "Pack SHA-256",
};

const custodyProblems: Record<string, string> = {
  missing: "the stored file is missing",
  mismatch: "the stored bytes no longer match the recorded hash",
};

function spelledOut(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function custodyValue(key: string, value: unknown): string {
  if (key === "size" && typeof value === "number") return formatBytes(value);
  if (key === "collectedAt" && typeof value === "string") return formatDateTime(value);
  if (key === "problem" && typeof value === "string") return custodyProblems[value] ?? value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Detail of a custody event as one line of words (never markup): "File name: cv.pdf · Size: 2.1 MB". */
export function describeCustody(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined || value === "") continue;
    parts.push(`${custodyDetailLabels[key] ?? spelledOut(key)}: ${custodyValue(key, value)}`);
  }
  return parts.join(" · ");
}
