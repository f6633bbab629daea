import type { PackData } from "../data";
import type { IncludedItem, LeftOutItem } from "../plan";
import type { ProductionSummary } from "../production/write-production";
import type { TimestampInfo } from "../timestamp";

export interface ReportInput {
  data: PackData;
  included: IncludedItem[];
  leftOut: LeftOutItem[];
  exportedAt: Date;
  exporter: { name: string; email: string };
  software: { name: string; version: string };
  manifestSha256: string;
  fingerprint: string;
  /** The RFC 3161 timestamp over the manifest (manifest.tsr), or null when the pack has none. */
  timestamp: TimestampInfo | null;
  includeGraph: boolean;
  /** The production folder's summary, when the pack has one. */
  production?: ProductionSummary | null;
}

/** A date-time as people read it in a report: UTC, to the minute. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export const words = (code: string) => code.replace(/[_.]/g, " ");
