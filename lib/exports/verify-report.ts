import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { existingSigningKey } from "./signing";
import { type PackVerification, verifyPack } from "./verify-pack";

/** What the operator reads: one line per finding, the wrong files named first thing on their line. */
function describeVerification(file: string, r: PackVerification): string[] {
  const lines = [
    `Pack ${path.basename(file)}: ${r.files} files${r.manifest.caseRef ? `, case ${r.manifest.caseRef}` : ""}${r.manifest.exportedAt ? `, exported ${r.manifest.exportedAt}` : ""}`,
  ];
  if (r.signature.fingerprint) {
    const whose =
      r.signature.matchesInstance === null
        ? "no signing key on this instance to compare with"
        : r.signature.matchesInstance
          ? "this instance's key"
          : "NOT this instance's key: made elsewhere, or signed with another key";
    lines.push(
      `Signature over manifest.json: ${r.signature.valid ? "valid" : "INVALID"}; key ${r.signature.fingerprint} (${whose})`,
    );
  }
  lines.push(
    `SHA256SUMS: ${r.sums.checked} lines checked; manifest: ${r.manifest.files} files and ${r.manifest.evidence} evidence items checked`,
  );
  if (r.audit.headSeq !== null) {
    const anchor = r.audit.anchor
      ? `; its newest anchor, event ${r.audit.anchor.seq} of ${r.audit.anchor.at}, is ${r.audit.anchor.valid ? "validly signed" : "NOT validly signed"}`
      : "; no anchor yet";
    lines.push(`Audit log when packed: newest event ${r.audit.headSeq}${anchor}`);
  }
  lines.push(
    r.timestamp
      ? `Trusted timestamp (manifest.tsr): ${r.timestamp.valid ? `${r.timestamp.genTime}, signed by ${r.timestamp.signer ?? "?"}, covers manifest.json${r.timestamp.trusted === null ? " (set TSA_CA_FILE to check the authority's certificate, or use openssl ts -verify, see VERIFY.txt)" : r.timestamp.trusted ? "; its signer chains to TSA_CA_FILE" : "; its signer does NOT chain to TSA_CA_FILE"}` : "INVALID"}`
      : "Trusted timestamp: none in this pack",
  );
  if (r.production)
    lines.push(
      `Production: ${r.production.documents} document${r.production.documents === 1 ? "" : "s"}, ${r.production.pages} Bates-numbered page${r.production.pages === 1 ? "" : "s"} checked against the DAT and OPT load files`,
    );
  for (const p of r.problems) lines.push(`WRONG ${p.file}: ${p.problem}`);
  lines.push(
    r.ok
      ? "OK: every file is intact and the manifest signature verifies."
      : `FAILED: ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"} in ${new Set(r.problems.map((p) => p.file)).size} file(s).`,
  );
  return lines;
}

export async function verifyPackAsOperator(file: string): Promise<{ ok: boolean; lines: string[] }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError("not_found", `No such file: ${file}`);
  const tsaCa = env.TSA_CA_FILE ? fs.readFileSync(env.TSA_CA_FILE, "utf8") : null;
  const result = await verifyPack(file, { instanceKey: existingSigningKey(), tsaCa });
  return { ok: result.ok, lines: describeVerification(file, result) };
}
