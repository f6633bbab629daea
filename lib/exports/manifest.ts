import type { ManifestAudit } from "./audit-head";
import { certificatePaths } from "./certificate/forms";
import type { PackData, PackEvidence } from "./data";
import type { IncludedItem, LeftOutItem } from "./plan";
import type { ProductionSummary } from "./production/write-production";
import type { ExportOptions } from "./schema";
import type { PackEntry } from "./zip-writer";

const MANIFEST_FORMAT = "casework-evidence-pack";
const MANIFEST_FORMAT_VERSION = 1;

export interface ManifestInput {
  exportId: string;
  exportedAt: Date;
  exporter: { id: string; name: string; email: string; role: string };
  software: { name: string; version: string };
  options: ExportOptions;
  data: PackData;
  included: IncludedItem[];
  leftOut: LeftOutItem[];
  /** Every file already in the pack. */
  files: PackEntry[];
  signing: { fingerprint: string };
  hasReport: boolean;
  audit: ManifestAudit;
  /** The TSA that will timestamp this manifest (manifest.tsr), or null when none is configured. */
  tsaUrl: string | null;
  /** The production for review platforms (production/), when asked for. */
  production?: ProductionSummary | null;
}

function evidenceEntry(e: PackEvidence, path: string) {
  const { exhibitNumber: _n, exhibitNo, createdAt, ...rest } = e;
  return { exhibitNo, path, ...rest, uploadedAt: createdAt };
}

/**
 * manifest.json: what the pack is and everything in it. It lists every file written before it
 * with size and SHA-256; the files made from it (its signature, the report whose cover shows
 * its hash, and SHA256SUMS) cannot be in it, and are named with the reason instead.
 */
export function buildManifest(input: ManifestInput): Buffer {
  const { data } = input;
  const notListed = [
    { path: "manifest.json", why: "this file" },
    { path: "manifest.sig", why: "Ed25519 signature over this file's bytes" },
    ...(input.tsaUrl
      ? [{ path: "manifest.tsr", why: "RFC 3161 timestamp over this file's SHA-256, made after it" }]
      : []),
    ...(input.hasReport
      ? [{ path: "report.pdf", why: "made after this file: its cover shows this file's SHA-256" }]
      : []),
    ...certificatePaths().map((path) => ({
      path,
      why: "certificate of authenticity made after this file: it states this file's SHA-256",
    })),
    { path: "SHA256SUMS", why: "made last: SHA-256 of every other file in the pack, this one included" },
  ];
  const manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    exportId: input.exportId,
    exportedAt: input.exportedAt.toISOString(),
    exportedBy: {
      name: input.exporter.name,
      email: input.exporter.email,
      role: input.exporter.role,
      userId: input.exporter.id,
    },
    software: input.software,
    signature: {
      algorithm: "Ed25519",
      file: "manifest.sig",
      publicKeyFile: "public-key.pem",
      publicKeySha256: input.signing.fingerprint,
    },
    audit: input.audit,
    // Null: no trusted timestamp; exportedAt is then only the instance's own clock.
    timestamp: input.tsaUrl
      ? { standard: "RFC 3161", file: "manifest.tsr", hashAlgorithm: "SHA-256", tsaUrl: input.tsaUrl }
      : null,
    options: {
      privileged: input.options.privileged,
      includeReport: input.options.includeReport,
      includeStix: input.options.includeStix,
      includeGraph: input.options.includeGraph,
      production: input.options.production,
    },
    production: input.production ?? null,
    case: data.case,
    files: input.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
    filesNotListed: notListed,
    evidence: input.included.map(({ item, path }) => evidenceEntry(item, path)),
    excluded: input.leftOut.map(({ item, reason }) => ({
      exhibitNo: item.exhibitNo,
      evidenceId: item.id,
      title: item.title,
      kind: item.kind,
      size: item.size,
      sha256: item.sha256,
      privileged: item.privileged,
      reason,
    })),
    withdrawn: data.withdrawn,
    personas: data.personas,
    identifiers: data.identifiers,
    personaIdentifiers: data.holdings,
    links: data.links,
    sanctionsScreening: data.screening,
  };
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
}

/** `sha256sum -c` format: two spaces between hash and path (text mode), one line per file. */
export function sha256sums(files: readonly PackEntry[]): Buffer {
  return Buffer.from(files.map((f) => `${f.sha256}  ${f.path}\n`).join(""), "utf8");
}

function timestampSteps(step: number, timestamped: boolean): string[] {
  if (!timestamped)
    return [
      `This pack has no trusted timestamp: the instance that made it has no time-stamping authority`,
      `configured, so the export time in manifest.json rests on the instance's own clock.`,
      ``,
    ];
  return [
    `${step}. manifest.tsr is an RFC 3161 timestamp: a time-stamping authority's signed statement that`,
    `   manifest.json (and so every file it lists) existed at the time it shows. Read it with`,
    ``,
    `     openssl ts -reply -in manifest.tsr -text`,
    ``,
    `   and check it with the authority's CA certificate, obtained from the authority itself and`,
    `   saved as tsa-ca.pem:`,
    ``,
    `     openssl ts -verify -in manifest.tsr -data manifest.json -CAfile tsa-ca.pem`,
    ``,
    `   It must print "Verification: OK".`,
    ``,
  ];
}

function certificateSteps(): string[] {
  return [
    `certification/ holds a certificate of authenticity, pre-filled from this pack and left unsigned:`,
    `us-fre-902-declaration (a declaration under US Federal Rules of Evidence 902(11) and 902(14))`,
    `and certificate-of-authenticity (a plain form for the UK and other authorities), each as PDF`,
    `and as DOCX for counsel to edit. They name every exhibit with its SHA-256 and the SHA-256 of`,
    `manifest.json; compare those with the commands above before anyone signs.`,
    ``,
  ];
}

export function verifyText({
  caseRef,
  exportedAt,
  fingerprint,
  hasReport,
  timestamped,
}: {
  caseRef: string;
  exportedAt: Date;
  fingerprint: string;
  hasReport: boolean;
  timestamped: boolean;
}): Buffer {
  const lines = [
    `How to check this evidence pack`,
    `Case ${caseRef}, exported ${exportedAt.toISOString()}`,
    ``,
    `Unpack the ZIP into an empty folder and run these commands inside it.`,
    ``,
    `1. Every file is exactly as it was packed:`,
    ``,
    `     sha256sum -c SHA256SUMS`,
    ``,
    `   Every line must end in "OK". SHA256SUMS lists every other file in the pack.`,
    ``,
    `2. The manifest was signed by the Casework instance that made the pack:`,
    ``,
    `     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig`,
    ``,
    `   It must print "Signature Verified Successfully" (OpenSSL 3.0 or later).`,
    `   manifest.json lists every evidence file and data file with its size and SHA-256, so`,
    `   the signature covers their contents too.`,
    ``,
    `3. The key is the instance's own key, not one put there by someone else. Its fingerprint`,
    `   (SHA-256 of the public key in DER form) is`,
    ``,
    `     ${fingerprint}`,
    ``,
    `   Compute it with`,
    ``,
    `     openssl pkey -pubin -in public-key.pem -outform DER | sha256sum`,
    ``,
    `   and compare it with the fingerprint the instance's administrators publish (it is shown on`,
    `   the instance's admin page), not only with the one written here.`,
    ``,
    ...(hasReport
      ? [
          `4. report.pdf is the readable report. Its cover shows the SHA-256 of manifest.json; compare`,
          `   it with the output of`,
          ``,
          `     sha256sum manifest.json`,
          ``,
        ]
      : []),
    ...timestampSteps(hasReport ? 5 : 4, timestamped),
    ...certificateSteps(),
    `The SHA-256 of the ZIP file itself is recorded by the instance when the pack is made and in`,
    `the disclosure log of any referral it was sent with.`,
  ];
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}
