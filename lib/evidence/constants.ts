// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const evidenceKinds = [
  "document",
  "screenshot",
  "chat_log",
  "email",
  "hr_record",
  "network_log",
  "interview_recording",
  "code",
  "other",
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const custodyActions = [
  "collected",
  "uploaded",
  "viewed",
  "downloaded",
  "exported",
  "verified",
  "verification_failed",
  "hold_placed",
  "hold_released",
  "deleted",
  /** The uploader kept an item whose bytes match a live exhibit of the same case, with a reason. */
  "duplicate_kept",
] as const;
export type CustodyAction = (typeof custodyActions)[number];
