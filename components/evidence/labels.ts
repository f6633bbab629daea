import type { CustodyAction, EvidenceKind } from "@/lib/evidence/constants";

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

/** Detail of a custody event as one line of text (never markup). */
export function describeCustody(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || value === undefined || value === "") continue;
    parts.push(`${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(" · ");
}
