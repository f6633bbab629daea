import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

/**
 * A download through a share link, in the custody log of every item the pack carries: the items
 * are those whose log says they were `exported` into this pack. Written in the download's
 * transaction, as `downloaded` by the outside recipient (no account: the label names them), with
 * the client's address, the link, the download's number and the pack's hash. Found through the
 * case's items, so the log's index on the item serves the search.
 */
export async function recordShareDownloadCustody(
  tx: Tx,
  e: {
    exportId: string;
    caseId: string;
    shareId: string;
    recipient: string;
    address: string;
    packSha256: string;
    download: number;
  },
): Promise<void> {
  const label = `share link recipient: ${e.recipient}`;
  await tx.execute(sql`
    insert into custody_events (evidence_id, action, actor_id, actor_label, ip, detail)
    select ce.evidence_id, 'downloaded', null, ${label}::text, ${e.address}::text,
      jsonb_build_object(
        'via', 'share_link',
        'shareId', ${e.shareId}::text,
        'exportId', ${e.exportId}::text,
        'recipient', ${e.recipient}::text,
        'download', ${e.download}::int,
        'packSha256', ${e.packSha256}::text,
        'path', ce.detail->'path'
      )
    from custody_events ce
    join evidence ev on ev.id = ce.evidence_id
    where ev.case_id = ${e.caseId}::uuid
      and ce.action = 'exported'
      and ce.detail->>'exportId' = ${e.exportId}::text
    order by ce.id`);
}
