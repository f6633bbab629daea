import { createPublicKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import { anchorSignatureValid } from "@/lib/audit/anchor";
import type { PackProblem, PackVerification } from "./verify-pack";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const auditSchema = z.object({
  headSeq: z.number().int().nonnegative(),
  headHash: hex64,
  anchor: z.object({ seq: z.number().int().positive(), hash: hex64, at: z.string(), signature: z.string() }).optional(),
});

function publicKey(pem: Buffer | undefined): KeyObject | null {
  try {
    return pem ? createPublicKey(pem) : null;
  } catch {
    return null;
  }
}

/**
 * manifest.json's `audit` (packs made before it existed have none): the anchor it carries must be
 * signed by the pack's key, and must not be ahead of the head recorded beside it, which would mean
 * the log had lost or rewritten anchored events by the time the pack was made.
 */
export function checkPackAudit(
  manifestText: Buffer | undefined,
  pem: Buffer | undefined,
  problems: PackProblem[],
): PackVerification["audit"] {
  const none = { headSeq: null, anchor: null };
  let manifest: { audit?: unknown };
  try {
    manifest = manifestText ? (JSON.parse(manifestText.toString("utf8")) as { audit?: unknown }) : {};
  } catch {
    return none; // checkManifest names the unreadable manifest.
  }
  if (manifest.audit === undefined) return none;
  const parsed = auditSchema.safeParse(manifest.audit);
  if (!parsed.success) {
    problems.push({
      file: "manifest.json",
      problem: "its audit head (audit.headSeq, audit.headHash, audit.anchor) is malformed",
    });
    return none;
  }
  const { headSeq, headHash, anchor } = parsed.data;
  if (!anchor) return { headSeq, anchor: null };
  const key = publicKey(pem);
  const valid = key !== null && anchorSignatureValid(anchor, key);
  const what = `its audit anchor (event ${anchor.seq}, ${anchor.at})`;
  if (!valid)
    problems.push({
      file: "manifest.json",
      problem: `${what} has a signature that does not verify with public-key.pem`,
    });
  if (anchor.seq > headSeq)
    problems.push({
      file: "manifest.json",
      problem: `${what} is ahead of the audit log's newest event when the pack was made (${headSeq}): the log had lost its tail`,
    });
  else if (anchor.seq === headSeq && anchor.hash !== headHash)
    problems.push({
      file: "manifest.json",
      problem: `${what} does not match the audit log's newest event when the pack was made: the tail had been rewritten`,
    });
  return { headSeq, anchor: { seq: anchor.seq, at: anchor.at, valid } };
}
