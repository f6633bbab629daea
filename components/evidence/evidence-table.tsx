import { LocalDateTime } from "@/components/ui/local-time";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { EvidenceView } from "@/lib/evidence/views";
import { formatBytes } from "@/lib/format";
import { kindLabels, shortHash } from "./labels";
import { MimeBadge } from "./mime-badge";

/** A case's exhibits: number, title, size, hash and detected type; the title opens the item. */
export function EvidenceTable({ items }: { items: EvidenceView[] }) {
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
        {items.map((item) => (
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
        ))}
      </TBody>
    </Table>
  );
}
