import type { KeyObject } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";
import { type SigningKey, signBytes, verifySignedBytes } from "@/lib/exports/signing";

/**
 * An anchor is the audit log's head (seq and hash of the newest event) at a moment, signed with
 * the instance key and kept where the anchors are (anchor-log.ts: a file in the data folder, or
 * the shared store). A database user who deletes or
 * rewrites the newest events can keep the chain itself consistent, but cannot make it agree with
 * an anchor written before, nor sign a new anchor without the key.
 */
export const ANCHOR_FILE = "audit-anchors.jsonl";

export interface AuditAnchor {
  seq: number;
  hash: string;
  /** ISO time the anchor was written, signed as this exact string. */
  at: string;
  keyFingerprint: string;
  /** Ed25519 over anchorPayload, base64. */
  signature: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const anchorSchema = z.object({
  seq: z.number().int().positive(),
  hash: hex64,
  at: z.iso.datetime(),
  keyFingerprint: hex64,
  signature: z.base64(),
});

export const anchorFilePath = (dataDir = env.DATA_DIR) => path.join(dataDir, ANCHOR_FILE);

/**
 * The signed bytes. The prefix keeps an anchor signature from ever being valid as the signature
 * of something else the same key signs (a pack's manifest.json starts with "{").
 */
export function anchorPayload({ seq, hash, at }: { seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(`casework-audit-anchor:${seq}:${hash}:${at}`, "utf8");
}

export function signAnchor(head: { seq: number; hash: string }, key: SigningKey, at = new Date()): AuditAnchor {
  const fields = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return {
    ...fields,
    keyFingerprint: key.fingerprint,
    signature: signBytes(key, anchorPayload(fields)).toString("base64"),
  };
}

export function anchorSignatureValid(
  anchor: Pick<AuditAnchor, "seq" | "hash" | "at" | "signature">,
  publicKey: KeyObject,
): boolean {
  return verifySignedBytes(publicKey, anchorPayload(anchor), Buffer.from(anchor.signature, "base64"));
}

/** One stored anchor (a line of the anchor file, or an object's bytes), or null when it is not a well-formed anchor. */
export function parseAnchorLine(line: string): AuditAnchor | null {
  try {
    const parsed = anchorSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type TailProblem = { problem: "missing" | "rewritten"; seq: number; message: string };

/** The table's row at an anchored seq against the anchor: the words both the writer and `audit verify` use. */
export function compareWithAnchor(anchor: AuditAnchor, row: { hash: string } | undefined): TailProblem | null {
  if (!row)
    return {
      problem: "missing",
      seq: anchor.seq,
      message: `anchored event ${anchor.seq} is missing: the log was truncated or its tail deleted`,
    };
  if (row.hash !== anchor.hash)
    return {
      problem: "rewritten",
      seq: anchor.seq,
      message: `event ${anchor.seq} does not match its anchor of ${anchor.at}: the tail was rewritten`,
    };
  return null;
}
