import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import * as fontkit from "fontkit";
import { type Color, type PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";

/*
 * Noto Sans for Latin, Greek and Cyrillic, Noto Sans KR for Hangul, hanja and kana, Noto Sans SC
 * for the rest of the Han characters (all SIL Open Font License 1.1, shipped in npm packages so
 * every machine has them). Each report embeds only the glyphs it draws.
 */
const FONT_FILES = {
  regular: [
    ["fonts-latin", "NotoSans-Regular.ttf"],
    ["fonts-kr", "NotoSansKR-Regular.otf"],
    ["fonts-sc", "NotoSansHans-Regular.otf"],
  ],
  bold: [
    ["fonts-latin", "NotoSans-Bold.ttf"],
    ["fonts-kr", "NotoSansKR-Bold.otf"],
    ["fonts-sc", "NotoSansHans-Bold.otf"],
  ],
} as const;

interface LoadedFont {
  bytes: Buffer;
  characters: Set<number>;
}

// Read and parsed once per process: the CJK files are several megabytes each.
const loaded = new Map<string, LoadedFont>();
const parsed = new WeakMap<Uint8Array, fontkit.Font>();

function fontFile(pkg: string, file: string): LoadedFont {
  const key = `${pkg}/${file}`;
  let font = loaded.get(key);
  if (!font) {
    const where = path.join(process.cwd(), "node_modules", "@embedpdf", pkg, "fonts", file);
    const bytes = fs.readFileSync(where);
    font = { bytes, characters: new Set(parse(bytes).characterSet) };
    loaded.set(key, font);
  }
  return font;
}

function parse(bytes: Uint8Array): fontkit.Font {
  let font = parsed.get(bytes);
  if (!font) {
    const created = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!("createSubset" in created)) throw new Error("a font collection is not a font");
    font = created;
    parsed.set(bytes, font);
  }
  return font;
}

/**
 * The font engine handed to pdf-lib. It is upstream fontkit rather than pdf-lib's own fork
 * (@pdf-lib/fontkit), whose subsetter writes broken fonts: TrueType subsets lose glyphs and CFF
 * subsets (the CJK fonts) are rejected by viewers, so the text extracts but prints blank. pdf-lib
 * asks a subset for a stream; upstream fontkit encodes it in one piece.
 */
const engine = {
  create(bytes: Uint8Array) {
    const font = parse(bytes);
    return new Proxy(font, {
      get(target, prop, receiver) {
        if (prop !== "createSubset") return Reflect.get(target, prop, receiver) as unknown;
        return () => {
          const subset = target.createSubset();
          return Object.assign(subset, {
            encodeStream() {
              const stream = new PassThrough();
              setImmediate(() => {
                try {
                  stream.end(Buffer.from(subset.encode()));
                } catch (error) {
                  stream.destroy(error as Error);
                }
              });
              return stream;
            },
          });
        };
      },
    });
  },
};

// Readable stand-ins for characters none of the fonts has.
const standIns: Record<string, string> = {
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2212": "-",
  "\u00A0": " ",
  "\u2009": " ",
  "\u202F": " ",
};

interface Face {
  font: PDFFont;
  characters: Set<number>;
  /** Advance width of each character at size 1, measured once: shaping a whole string with the CJK fonts' large tables on every measurement made a report take seconds. */
  advances: Map<string, number>;
}

/**
 * One typeface over several font files: each character is drawn with the first file that has it,
 * so a line mixing Latin, Hangul and Chinese is drawn as runs, one per file.
 */
export class ReportFont {
  private constructor(private readonly faces: Face[]) {}

  /**
   * The report's regular, bold and monospaced fonts. A Korean or Chinese file is embedded only when
   * `text` (everything the report will print) has a character that only it has: even unused, a
   * CJK subset costs time to write and space in the file.
   */
  static async family(
    doc: PDFDocument,
    text: string,
  ): Promise<{ regular: ReportFont; bold: ReportFont; mono: ReportFont }> {
    doc.registerFontkit(engine as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
    const used = new Set<number>();
    for (const ch of text) used.add(ch.codePointAt(0)!);
    const embed = async (files: (typeof FONT_FILES)["regular" | "bold"]): Promise<Face[]> => {
      const faces: Face[] = [];
      for (const [pkg, file] of files) {
        const { bytes, characters } = fontFile(pkg, file);
        const needed =
          faces.length === 0 || [...used].some((cp) => characters.has(cp) && !faces.some((f) => f.characters.has(cp)));
        if (needed) faces.push({ font: await doc.embedFont(bytes, { subset: true }), characters, advances: new Map() });
      }
      return faces;
    };
    const regular = await embed(FONT_FILES.regular);
    const bold = await embed(FONT_FILES.bold);
    // Hashes and other ASCII in Courier; anything else falls through to the regular faces.
    const courier = await doc.embedFont(StandardFonts.Courier);
    const mono = [{ font: courier, characters: new Set(courier.getCharacterSet()), advances: new Map() }, ...regular];
    return { regular: new ReportFont(regular), bold: new ReportFont(bold), mono: new ReportFont(mono) };
  }

  private faceOf(codePoint: number): Face | undefined {
    return this.faces.find((f) => f.characters.has(codePoint));
  }

  /**
   * Text every character of which some font can draw: tabs become spaces, a few symbols get
   * stand-ins, an accented letter no font has loses its accent (NFKD), anything else becomes "?".
   */
  drawable(text: string): string {
    let out = "";
    for (const ch of text.normalize("NFC")) {
      const cp = ch.codePointAt(0)!;
      if (ch === "\t") out += " ";
      else if (cp >= 0x20 && this.faceOf(cp)) out += ch;
      else if (standIns[ch]) out += standIns[ch];
      else {
        const base = [...ch.normalize("NFKD")].filter(
          (c) => c.codePointAt(0)! >= 0x20 && this.faceOf(c.codePointAt(0)!),
        );
        out += base.join("") || "?";
      }
    }
    return out;
  }

  /** Consecutive characters drawn with the same font. Expects drawable text. */
  private runs(text: string): { face: Face; text: string }[] {
    const runs: { face: Face; text: string }[] = [];
    for (const ch of text) {
      const last = runs[runs.length - 1];
      // A space goes with the run it is in, so "김 상만" stays one run.
      const found = ch === " " && last ? undefined : this.faceOf(ch.codePointAt(0)!);
      const face = found ?? last?.face ?? this.faces[0]!;
      if (last && last.face === face) last.text += ch;
      else runs.push({ face, text: ch });
    }
    return runs;
  }

  private runWidth({ face, text }: { face: Face; text: string }): number {
    let width = 0;
    for (const ch of text) {
      let advance = face.advances.get(ch);
      if (advance === undefined) {
        advance = face.font.widthOfTextAtSize(ch, 1);
        face.advances.set(ch, advance);
      }
      width += advance;
    }
    return width;
  }

  /** The width of drawable text, from each character's advance (kerning left out: a hair wider at most). */
  width(text: string, size: number): number {
    return this.runs(text).reduce((sum, r) => sum + this.runWidth(r), 0) * size;
  }

  draw(page: PDFPage, text: string, options: { x: number; y: number; size: number; color?: Color }): void {
    let x = options.x;
    for (const run of this.runs(text)) {
      page.drawText(run.text, { ...options, x, font: run.face.font });
      x += this.runWidth(run) * options.size;
    }
  }
}
