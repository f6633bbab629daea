import type { AuditVerification } from "./verify";

/** What the operator reads after `audit verify`: the chain, then the anchors, one finding a line. */
export function describeAuditVerification(r: AuditVerification): string[] {
  const lines: string[] = [];
  const b = r.firstBreak;
  if (b) {
    lines.push(`audit chain BROKEN at event ${b.seq} (${b.problem}): ${b.message}`);
    lines.push(`${r.checked} events verified before the break (last good event: ${r.lastSeq}).`);
  } else {
    lines.push(`audit chain OK: ${r.checked} events, the newest is event ${r.lastSeq}`);
  }
  const a = r.anchors;
  if (a.lines === 0 && a.problems.length === 0) {
    lines.push(
      `no anchors in ${a.file}: only the chain was checked, and the chain alone cannot show that the newest events were deleted or rewritten.`,
    );
    lines.push(
      "The server writes an anchor every minute while events arrive; `npm run cli -- audit anchor` writes one now.",
    );
  } else if (a.latest) {
    const matches = !a.problems.some((p) => p.problem === "missing" || p.problem === "rewritten");
    lines.push(
      `anchors: ${a.lines} in ${a.file}; the newest covers event ${a.latest.seq} (${a.latest.at})${matches ? " and matches the log" : ""}`,
    );
  }
  for (const p of a.problems) lines.push(`ANCHOR PROBLEM: ${p.message}`);
  if (!r.ok) lines.push(`FAILED: ${(b ? 1 : 0) + a.problems.length} problem(s).`);
  return lines;
}
