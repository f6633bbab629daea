import type { ActualFile, PackProblem, PackVerification } from "./verify-pack";

const differs = (what: string, expected: string, found: ActualFile) =>
  `its SHA-256 differs from ${what} (expected ${expected}, found ${found.sha256})`;

/** Every SHA256SUMS line against the bytes, and every file (but SHA256SUMS itself) covered by a line. */
export function checkSums(
  text: Buffer | undefined,
  actual: Map<string, ActualFile>,
  problems: PackProblem[],
): PackVerification["sums"] {
  if (!text) return { checked: 0 };
  const listed = new Set<string>();
  let checked = 0;
  text
    .toString("utf8")
    .split("\n")
    .forEach((line, n) => {
      if (line.trim() === "") return;
      const m = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ""));
      if (!m) {
        problems.push({ file: "SHA256SUMS", problem: `line ${n + 1} is not in sha256sum format` });
        return;
      }
      const [, hash = "", name = ""] = m;
      listed.add(name);
      checked++;
      const found = actual.get(name);
      if (!found) problems.push({ file: name, problem: "is listed in SHA256SUMS but missing from the pack" });
      else if (found.sha256 !== hash.toLowerCase())
        problems.push({ file: name, problem: differs("SHA256SUMS", hash.toLowerCase(), found) });
    });
  for (const name of actual.keys()) {
    if (name !== "SHA256SUMS" && !listed.has(name))
      problems.push({ file: name, problem: "is in the pack but not listed in SHA256SUMS" });
  }
  return { checked };
}

interface ManifestShape {
  case?: { ref?: string };
  exportedAt?: string;
  signature?: { publicKeySha256?: string };
  files?: { path?: string; size?: number; sha256?: string }[];
  filesNotListed?: { path?: string }[];
  evidence?: { exhibitNo?: string; path?: string; sha256?: string; size?: number }[];
}

/** Every manifest file entry and every evidence item's recorded hash against the bytes in the pack. */
export function checkManifest(
  text: Buffer | undefined,
  actual: Map<string, ActualFile>,
  fingerprint: string | null,
  problems: PackProblem[],
): PackVerification["manifest"] {
  const none = { files: 0, evidence: 0, caseRef: null, exportedAt: null };
  if (!text) return none;
  let manifest: ManifestShape;
  try {
    manifest = JSON.parse(text.toString("utf8")) as ManifestShape;
  } catch {
    problems.push({ file: "manifest.json", problem: "is not valid JSON" });
    return none;
  }
  const files = Array.isArray(manifest.files) ? manifest.files : [];
  const evidence = Array.isArray(manifest.evidence) ? manifest.evidence : [];
  if (fingerprint && manifest.signature?.publicKeySha256 && manifest.signature.publicKeySha256 !== fingerprint) {
    problems.push({
      file: "public-key.pem",
      problem: `is not the key named in the manifest (manifest names ${manifest.signature.publicKeySha256}, the file's key is ${fingerprint})`,
    });
  }
  const known = new Set<string>();
  for (const f of files) {
    if (typeof f.path !== "string") continue;
    known.add(f.path);
    const found = actual.get(f.path);
    if (!found) problems.push({ file: f.path, problem: "is listed in manifest.json but missing from the pack" });
    else if (found.size !== f.size)
      problems.push({
        file: f.path,
        problem: `its size differs from manifest.json (expected ${String(f.size)} bytes, found ${found.size})`,
      });
    else if (found.sha256 !== f.sha256)
      problems.push({ file: f.path, problem: differs("manifest.json", String(f.sha256), found) });
  }
  for (const item of evidence) {
    if (typeof item.path !== "string") continue;
    const found = actual.get(item.path);
    if (!found)
      problems.push({ file: item.path, problem: `evidence ${item.exhibitNo ?? "?"} is missing from the pack` });
    else if (found.sha256 !== item.sha256)
      problems.push({
        file: item.path,
        problem: differs(
          `the hash recorded when ${item.exhibitNo ?? "the item"} was collected`,
          String(item.sha256),
          found,
        ),
      });
  }
  for (const f of manifest.filesNotListed ?? []) if (typeof f.path === "string") known.add(f.path);
  for (const name of actual.keys()) {
    if (!known.has(name)) problems.push({ file: name, problem: "is in the pack but not in manifest.json" });
  }
  return {
    files: files.length,
    evidence: evidence.length,
    caseRef: manifest.case?.ref ?? null,
    exportedAt: manifest.exportedAt ?? null,
  };
}
