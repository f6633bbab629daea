import type { PackData } from "../data";
import type { IncludedItem, LeftOutItem } from "../plan";

export interface ReportInput {
  data: PackData;
  included: IncludedItem[];
  leftOut: LeftOutItem[];
  exportedAt: Date;
  exporter: { name: string; email: string };
  software: { name: string; version: string };
  manifestSha256: string;
  fingerprint: string;
  includeGraph: boolean;
}

/** A date-time as people read it in a report: UTC, to the minute. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export const words = (code: string) => code.replace(/[_.]/g, " ");

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
