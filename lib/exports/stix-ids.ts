import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/chain";

/** STIX 2.1's namespace for deterministic cyber-observable ids (spec section 2.9). */
export const STIX_SCO_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";
/** Our own namespace for ids of personas, relationships and reports, so re-exports of one case keep their ids. */
export const CASEWORK_NAMESPACE = "6f1c2f5e-0b7d-4c43-9a3e-5d2b8f6a1c90";

/** RFC 4122 version 5 UUID (SHA-1 of namespace and name). */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id a STIX producer would give this observable: `type--uuidv5(namespace, canonical JSON of the contributing properties)` (keys sorted, no whitespace). */
export const observableId = (type: string, contributing: Record<string, unknown>) =>
  `${type}--${uuidV5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;

export const caseworkId = (type: string, name: string) => `${type}--${uuidV5(CASEWORK_NAMESPACE, name)}`;
