import type { PackData } from "../data";
import type { IncludedItem, LeftOutItem } from "../plan";
import type { TimestampInfo } from "../timestamp";

/** What a certificate is made from: the pack as built, and the hash of its manifest. */
export interface CertificateInput {
  data: PackData;
  included: IncludedItem[];
  leftOut: LeftOutItem[];
  exportedAt: Date;
  exporter: { name: string; email: string };
  software: { name: string; version: string };
  manifestSha256: string;
  fingerprint: string;
  timestamp: TimestampInfo | null;
}

/** A line for the declarant to fill in by hand or in the DOCX. */
export const BLANK = "______________________________";

/**
 * A certificate as blocks that both the PDF and the DOCX writers draw, so the two always say the
 * same thing.
 */
export type Block =
  | { kind: "title"; text: string }
  | { kind: "subtitle"; text: string }
  | { kind: "heading"; text: string; newPage?: boolean }
  | { kind: "paragraph"; text: string; note?: boolean }
  | { kind: "fields"; pairs: [string, string][] }
  /** One record of a schedule: a heading and its facts; values labelled in `mono` are hashes. */
  | { kind: "record"; heading: string; pairs: [string, string][]; mono: string[] }
  | { kind: "signature"; labels: string[] };

export interface Certificate {
  /** The file name in the pack, without extension. */
  name: string;
  title: string;
  footer: string;
  blocks: Block[];
}
