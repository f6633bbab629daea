import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Sql } from "postgres";

export type Cell = string | number | boolean | null | undefined | Date | readonly string[] | Record<string, unknown> | unknown[];

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
function escapeText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}

/** A PostgreSQL array literal of plain strings (every element quoted, so commas and braces are safe). */
export function textArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return escapeText(textArray(value as string[]));
  return escapeText(JSON.stringify(value));
}

export interface CopyStats {
  table: string;
  rows: number;
  seconds: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Streams rows into a table with COPY FROM STDIN, in ~1 MiB chunks, respecting backpressure
 * so the generator never runs far ahead of the server. Prints rows/s every few seconds.
 */
export async function copyRows(sql: Sql, table: string, columns: readonly string[], rows: Iterable<readonly Cell[]>): Promise<CopyStats> {
  const started = performance.now();
  const stream = await sql`copy ${sql(table)} (${sql(columns as string[])}) from stdin`.writable();
  let chunk = "";
  let count = 0;
  let lastReport = started;
  for (const row of rows) {
    chunk += row.map(cell).join("\t") + "\n";
    count++;
    if (chunk.length >= CHUNK_BYTES) {
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
      const now = performance.now();
      if (now - lastReport > 5000) {
        lastReport = now;
        process.stdout.write(`  ${table}: ${count.toLocaleString("en")} rows, ${rate(count, now - started)} rows/s\n`);
      }
    }
  }
  if (chunk) stream.write(chunk);
  stream.end();
  await finished(stream);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`  ${table}: ${count.toLocaleString("en")} rows in ${seconds.toFixed(1)} s (${rate(count, seconds * 1000)} rows/s)\n`);
  return { table, rows: count, seconds };
}

function rate(rows: number, ms: number): string {
  return Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString("en");
}
