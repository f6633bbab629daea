import type { ReportFont } from "./fonts";

// Han, Hangul, kana, CJK symbols and full-width forms: text in these scripts may break between
// any two characters (Korean uses spaces too, but long names and notes often run on without).
const CJK =
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3130-\u318F\u31A0-\u31FF\u3200-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
// Never at the start of a line (closing marks) or at the end of one (opening marks).
const NO_BREAK_BEFORE = new Set([
  ..."、。，．：；！？）」』】〕〉》〙〗・ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}%",
]);
const NO_BREAK_AFTER = new Set([..."（「『【〔〈《〘〖([{"]);

interface Piece {
  /** The spaces before the piece: kept inside a line, dropped where the line breaks. */
  space: string;
  text: string;
}

/** A paragraph cut where a line may break: at spaces, and between characters of CJK text. */
function pieces(paragraph: string): Piece[] {
  const out: Piece[] = [];
  let space = "";
  let text = "";
  let prev = "";
  for (const ch of paragraph) {
    if (ch === " ") {
      if (text) {
        out.push({ space, text });
        space = "";
        text = "";
      }
      space += ch;
    } else {
      const breakable =
        text !== "" && (CJK.test(ch) || CJK.test(prev)) && !NO_BREAK_BEFORE.has(ch) && !NO_BREAK_AFTER.has(prev);
      if (breakable) {
        out.push({ space, text });
        space = "";
        text = "";
      }
      text += ch;
    }
    prev = ch;
  }
  if (text || space || out.length === 0) out.push({ space, text });
  return out;
}

/** Cuts one piece too wide for any line into lines, between characters (hashes, URLs). */
function breakLong(font: ReportFont, size: number, piece: string, width: number): string[] {
  const lines: string[] = [];
  let rest = [...piece];
  while (rest.length > 1 && font.width(rest.join(""), size) > width) {
    let cut = rest.length - 1;
    while (cut > 1 && font.width(rest.slice(0, cut).join(""), size) > width) cut--;
    lines.push(rest.slice(0, cut).join(""));
    rest = rest.slice(cut);
  }
  lines.push(rest.join(""));
  return lines;
}

/**
 * Splits text into lines no wider than `width`: at spaces, between the characters of text
 * written without spaces (Chinese, Japanese, Korean), and inside words too long for a line.
 */
export function wrap(font: ReportFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let first = true;
    for (const { space, text: piece } of pieces(font.drawable(paragraph))) {
      const candidate = first ? space + piece : line + space + piece;
      first = false;
      if (font.width(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      const parts = breakLong(font, size, piece, width);
      lines.push(...parts.slice(0, -1));
      line = parts[parts.length - 1]!;
    }
    lines.push(line);
  }
  return lines;
}

/** Cuts text to `width` with an ellipsis. */
export function fit(font: ReportFont, size: number, text: string, width: number): string {
  const safe = font.drawable(text);
  if (font.width(safe, size) <= width) return safe;
  const chars = [...safe];
  let cut = chars.length;
  while (cut > 0 && font.width(`${chars.slice(0, cut).join("")}…`, size) > width) cut--;
  return `${chars.slice(0, cut).join("")}…`;
}
