const MAX_NAME_CHARS = 120;

/**
 * A file name that is safe in a ZIP, on every desktop file system and in a SHA256SUMS line:
 * the last path segment only, letters (any script), digits, dot, dash and underscore, no leading
 * dot, at most 120 characters with the extension kept. The original name stays in the manifest.
 */
export function safeFileName(original: string): string {
  const base =
    original
      .split(/[/\\]/)
      .filter((s) => s !== "" && s !== "." && s !== "..")
      .at(-1) ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "_")
    .replace(/_+/g, "_")
    .replace(/_?\._?/g, ".")
    .replace(/^[._-]+/, "")
    .replace(/[._]+$/, "");
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME_CHARS) return cleaned || "file";
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 12 ? cleaned.slice(dot) : "";
  return chars.slice(0, MAX_NAME_CHARS - [...ext].length).join("") + ext;
}

/**
 * Gives each path a distinct name, case-insensitively (Windows and macOS would merge
 * `A.pdf` and `a.pdf` on extraction): later duplicates get `-2`, `-3`… before the extension.
 */
export function distinctPaths(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((p) => {
    let candidate = p;
    const dot = p.lastIndexOf(".");
    const slash = p.lastIndexOf("/");
    const [stem, ext] = dot > slash + 1 ? [p.slice(0, dot), p.slice(dot)] : [p, ""];
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** `evidence/E-001_<safe original name>` for each item, distinct after sanitising. */
export function evidencePaths(items: readonly { exhibitNo: string; originalName: string }[]): string[] {
  return distinctPaths(items.map((i) => `evidence/${i.exhibitNo}_${safeFileName(i.originalName)}`));
}

/** `CASE-2026-0042_20260314T101500Z.zip`: the case reference and the export time in UTC. */
export function packFileName(caseRef: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
  return `${caseRef.replace(/[^A-Za-z0-9-]/g, "_")}_${stamp}.zip`;
}
