import { createHash, createPublicKey, verify } from "node:crypto";
import zlib from "node:zlib";
import { keyFingerprint, type SigningKey } from "./signing";
import { readTimestampToken } from "./timestamp";
import { readCertificates, tsaChainProblem } from "./timestamp-chain";
import { checkPackAudit } from "./verify-audit";
import { openZipEntry, readZipDirectory, type ZipEntryInfo } from "./zip-reader";
import { checkManifest, checkSums } from "./verify-lists";
import { checkProduction } from "./verify-production";

export interface PackProblem {
  /** The file inside the pack that is wrong (or the pack itself). */
  file: string;
  problem: string;
}

export interface PackVerification {
  ok: boolean;
  files: number;
  problems: PackProblem[];
  signature: { valid: boolean; fingerprint: string | null; matchesInstance: boolean | null };
  sums: { checked: number };
  manifest: { files: number; evidence: number; caseRef: string | null; exportedAt: string | null };
  /** The audit log's head recorded in the manifest, and its anchor's signature checked with the pack's key. */
  audit: { headSeq: number | null; anchor: { seq: number; at: string; valid: boolean } | null };
  /** The RFC 3161 timestamp in manifest.tsr, checked against manifest.json; null when the pack has none. */
  timestamp: {
    genTime: string | null;
    signer: string | null;
    valid: boolean;
    /** Whether the signer chains to the CA certificates given (TSA_CA_FILE); null when none were given. */
    trusted: boolean | null;
  } | null;
  /** The production's Bates ranges checked against its load files and page images; null when the pack has none. */
  production: { documents: number; pages: number } | null;
}

export interface ActualFile {
  size: number;
  sha256: string;
}

// manifest.json, the key and SHA256SUMS are read into memory to be parsed; none comes near this.
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

async function measure(
  file: string,
  entry: ZipEntryInfo,
  keep: boolean,
): Promise<ActualFile & { crcOk: boolean; bytes: Buffer | null }> {
  const hash = createHash("sha256");
  let size = 0;
  let crc = 0;
  const kept: Buffer[] = [];
  for await (const chunk of await openZipEntry(file, entry)) {
    const b = chunk as Buffer;
    hash.update(b);
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (keep && size <= MAX_TEXT_BYTES) kept.push(b);
  }
  return {
    size,
    sha256: hash.digest("hex"),
    crcOk: crc >>> 0 === entry.crc32 && size === entry.size,
    bytes: keep ? Buffer.concat(kept) : null,
  };
}

function checkSignature(
  manifest: Buffer | undefined,
  sig: Buffer | undefined,
  pem: Buffer | undefined,
  instanceKey: SigningKey | null,
  problems: PackProblem[],
): PackVerification["signature"] {
  if (!manifest || !sig || !pem) return { valid: false, fingerprint: null, matchesInstance: null };
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    problems.push({ file: "public-key.pem", problem: "is not a readable public key" });
    return { valid: false, fingerprint: null, matchesInstance: null };
  }
  const fingerprint = keyFingerprint(key);
  const valid = key.asymmetricKeyType === "ed25519" && verify(null, manifest, key, sig);
  if (!valid)
    problems.push({
      file: "manifest.json",
      problem:
        "its signature in manifest.sig does not verify with public-key.pem: the manifest (or the signature) was changed after signing",
    });
  return { valid, fingerprint, matchesInstance: instanceKey ? instanceKey.fingerprint === fingerprint : null };
}

/**
 * The timestamp, when the manifest says there is one or the pack holds manifest.tsr: it must be
 * granted, cover manifest.json's SHA-256 and carry a signature that verifies with its certificate.
 */
function checkTimestamp(
  manifest: Buffer | undefined,
  tsr: Buffer | undefined,
  tsaCa: string | null,
  problems: PackProblem[],
): PackVerification["timestamp"] {
  let promised = false;
  try {
    promised = manifest ? (JSON.parse(manifest.toString("utf8")) as { timestamp?: unknown }).timestamp != null : false;
  } catch {
    // Invalid JSON is reported by the manifest check.
  }
  if (!tsr) {
    if (promised)
      problems.push({ file: "manifest.tsr", problem: "is named in manifest.json but missing from the pack" });
    return null;
  }
  if (!manifest) return { genTime: null, signer: null, valid: false, trusted: null };
  try {
    const info = readTimestampToken(tsr, createHash("sha256").update(manifest).digest("hex"));
    let trusted: boolean | null = null;
    if (tsaCa !== null) {
      const why = tsaChainProblem(
        info.signerCertificate,
        info.certificates,
        readCertificates(tsaCa),
        new Date(info.genTime),
      );
      trusted = why === null;
      if (why)
        problems.push({ file: "manifest.tsr", problem: `is not from a trusted time-stamping authority: ${why}` });
    }
    return { genTime: info.genTime, signer: info.signer, valid: true, trusted };
  } catch (error) {
    problems.push({
      file: "manifest.tsr",
      problem: `is not a valid timestamp of manifest.json: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { genTime: null, signer: null, valid: false, trusted: null };
  }
}

/**
 * Checks a pack the way a recipient would, and says exactly which file is wrong: every entry
 * against the ZIP's own CRC, the signature over manifest.json, every SHA256SUMS line, every
 * manifest file entry and evidence hash, and files that nothing lists.
 */
export async function verifyPack(
  file: string,
  {
    instanceKey = null,
    tsaCa = null,
  }: {
    instanceKey?: SigningKey | null;
    /** PEM certificates of the time-stamping authorities trusted (TSA_CA_FILE); null: the chain is not checked. */
    tsaCa?: string | null;
  } = {},
): Promise<PackVerification> {
  const problems: PackProblem[] = [];
  const empty: PackVerification = {
    ok: false,
    files: 0,
    problems,
    signature: { valid: false, fingerprint: null, matchesInstance: null },
    sums: { checked: 0 },
    manifest: { files: 0, evidence: 0, caseRef: null, exportedAt: null },
    audit: { headSeq: null, anchor: null },
    timestamp: null,
    production: null,
  };
  let entries: ZipEntryInfo[];
  try {
    entries = (await readZipDirectory(file)).filter((e) => !e.name.endsWith("/"));
  } catch (error) {
    problems.push({
      file: "(the ZIP file)",
      problem: `cannot be read as a ZIP: ${error instanceof Error ? error.message : String(error)}`,
    });
    return empty;
  }
  const actual = new Map<string, ActualFile>();
  const texts = new Map<string, Buffer>();
  for (const entry of entries) {
    if (actual.has(entry.name)) problems.push({ file: entry.name, problem: "appears more than once in the ZIP" });
    const keep = ["manifest.json", "manifest.sig", "manifest.tsr", "public-key.pem", "SHA256SUMS"].includes(entry.name);
    try {
      const m = await measure(file, entry, keep);
      actual.set(entry.name, { size: m.size, sha256: m.sha256 });
      if (!m.crcOk)
        problems.push({
          file: entry.name,
          problem:
            "its bytes do not match the ZIP's own checksum (CRC-32): the file was damaged or altered inside the ZIP",
        });
      if (m.bytes) texts.set(entry.name, m.bytes);
    } catch (error) {
      problems.push({
        file: entry.name,
        problem: `cannot be read from the ZIP: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  for (const required of ["manifest.json", "manifest.sig", "public-key.pem", "SHA256SUMS"]) {
    if (!actual.has(required)) problems.push({ file: required, problem: "is missing from the pack" });
  }
  const signature = checkSignature(
    texts.get("manifest.json"),
    texts.get("manifest.sig"),
    texts.get("public-key.pem"),
    instanceKey,
    problems,
  );
  const sums = checkSums(texts.get("SHA256SUMS"), actual, problems);
  const manifest = checkManifest(texts.get("manifest.json"), actual, signature.fingerprint, problems);
  const audit = checkPackAudit(texts.get("manifest.json"), texts.get("public-key.pem"), problems);
  const timestamp = checkTimestamp(texts.get("manifest.json"), texts.get("manifest.tsr"), tsaCa, problems);
  const production = await checkProduction(
    texts.get("manifest.json"),
    async (name) => {
      const entry = entries.find((e) => e.name === name);
      if (!entry) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of await openZipEntry(file, entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    problems,
  );
  const unique = problems.filter(
    (p, i) => problems.findIndex((q) => q.file === p.file && q.problem === p.problem) === i,
  );
  return {
    ok: unique.length === 0,
    files: actual.size,
    problems: unique,
    signature,
    sums,
    manifest,
    audit,
    timestamp,
    production,
  };
}
