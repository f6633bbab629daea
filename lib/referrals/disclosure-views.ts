import type { disclosures } from "@/db/schema";
import type { DisclosureView } from "./views";

export type Row = typeof disclosures.$inferSelect;

export function toDisclosureView(row: Row, sentBy: { name: string | null; email: string | null }): DisclosureView {
  return {
    id: row.id,
    referralId: row.referralId,
    what: row.what,
    recipient: row.recipient,
    sentAt: row.sentAt.toISOString(),
    sentBy:
      row.sentById && sentBy.name !== null && sentBy.email !== null
        ? { id: row.sentById, name: sentBy.name, email: sentBy.email }
        : null,
    sha256: row.sha256,
    exportId: row.exportId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
