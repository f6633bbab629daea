import { LocalDateTime } from "@/components/ui/local-time";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { EvidenceView, RemovedExhibit } from "@/lib/evidence/views";
import { formatBytes } from "@/lib/format";
import { kindLabels, shortHash } from "./labels";
import { MimeBadge } from "./mime-badge";

const exhibitOrder = (no: string) => Number(no.replace(/\D/g, ""));

/**
 * A case's exhibits: number, title, size, hash and detected type; the title opens the item.
 * Deleted exhibits keep their place, greyed, with who removed them and why.
 */
export function EvidenceTable({ items, removed = [] }: { items: EvidenceView[]; removed?: RemovedExhibit[] }) {
  const rows = [
    ...items.map((item) => ({ no: exhibitOrder(item.exhibitNo), item, gone: null })),
    ...removed.map((gone) => ({ no: exhibitOrder(gone.exhibitNo), item: null, gone })),
  ].sort((a, b) => a.no - b.no);
  return (
    <Table aria-label="Evidence">
      <THead>
        <Tr>
          <Th>Exhibit</Th>
          <Th>Title</Th>
          <Th>Kind</Th>
          <Th>Size</Th>
          <Th>SHA-256</Th>
          <Th>Type</Th>
          <Th>Added</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map(({ item, gone }) =>
          gone ? (
            <Tr key={`gone-${gone.exhibitNo}`} data-testid="removed-evidence-row" className="text-muted-foreground">
              <Td className="font-mono text-xs line-through">{gone.exhibitNo}</Td>
              <Td colSpan={6}>
                <span className="line-through">{gone.title}</span>{" "}
                <span className="text-xs">
                  deleted{gone.deletedBy ? ` by ${gone.deletedBy}` : ""} on <LocalDateTime iso={gone.deletedAt} />
                  {gone.reason ? `: ${gone.reason}` : ""}
                </span>
              </Td>
            </Tr>
          ) : item ? (
            <Tr key={item.id} data-testid="evidence-row">
              <Td className="font-mono text-xs font-semibold">{item.exhibitNo}</Td>
              <Td>
                <Link href={`/evidence/${item.id}`} className="font-medium text-primary hover:underline">
                  {item.title}
                </Link>
                {item.legalHold ? (
                  <Badge variant="outline" className="ml-2">
                    Legal hold
                  </Badge>
                ) : null}
                <div className="max-w-xs truncate text-xs text-muted-foreground" title={item.originalName}>
                  {item.originalName}
                </div>
              </Td>
              <Td>{kindLabels[item.kind]}</Td>
              <Td className="whitespace-nowrap tabular-nums">{formatBytes(item.size)}</Td>
              <Td>
                <code className="font-mono text-xs" title={item.sha256}>
                  {shortHash(item.sha256)}
                </code>
              </Td>
              <Td>
                <MimeBadge item={item} />
              </Td>
              <Td className="whitespace-nowrap text-xs text-muted-foreground">
                <LocalDateTime iso={item.createdAt} />
              </Td>
            </Tr>
          ) : null,
        )}
      </TBody>
    </Table>
  );
}
