import Link from "next/link";
import { ScrollTable, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export interface DataCell {
  value: string | number;
  /** A filtered case list for this number, when one exists. */
  href?: string;
}

export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: DataCell[][];
}

/** The numbers behind a chart, with the same links as its segments so keyboards reach them too. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <ScrollTable label={`${caption}: the numbers`}>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          {columns.map((c, i) => (
            <Th key={c} scope="col" className={i > 0 ? "text-right" : undefined}>
              {c}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((row, r) => (
          <Tr key={r}>
            {row.map((cell, i) => {
              const content = cell.href ? (
                <Link href={cell.href} className="text-primary underline-offset-2 hover:underline">
                  {cell.value}
                </Link>
              ) : (
                cell.value
              );
              return i === 0 ? (
                <th key={i} scope="row" className="px-3 py-1.5 text-left font-normal">
                  {content}
                </th>
              ) : (
                <Td key={i} className="text-right tabular-nums">
                  {content}
                </Td>
              );
            })}
          </Tr>
        ))}
      </TBody>
    </ScrollTable>
  );
}
