import { type Color, PDFDocument, type PDFPage, rgb } from "pdf-lib";
import { ReportFont } from "./fonts";
import { fit, wrap } from "./text";

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const FOOTER = 36;
export const ink = rgb(0.1, 0.1, 0.12);
export const muted = rgb(0.4, 0.42, 0.46);
const rule = rgb(0.82, 0.84, 0.87);
const shade = rgb(0.94, 0.95, 0.96);

export interface Column {
  header: string;
  width: number;
  mono?: boolean;
}

interface TextOptions {
  size?: number;
  font?: ReportFont;
  color?: Color;
  indent?: number;
  gapAfter?: number;
}

/**
 * A small flowing layout over pdf-lib, which only draws at coordinates: a cursor that moves down
 * the page, text that wraps, tables whose rows never split across pages (the header repeats on
 * the next page), and a footer on every page once the page count is known.
 */
export class Layout {
  page!: PDFPage;
  y = 0;
  readonly contentWidth = A4.width - 2 * MARGIN;
  readonly left = MARGIN;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: ReportFont,
    readonly bold: ReportFont,
    readonly mono: ReportFont,
  ) {}

  /** `text`: everything the report will print, so only the fonts it needs are embedded. */
  static async create(text: string): Promise<Layout> {
    const doc = await PDFDocument.create();
    const { regular, bold, mono } = await ReportFont.family(doc, text);
    const layout = new Layout(doc, regular, bold, mono);
    layout.newPage();
    return layout;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER - 12) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  text(
    value: string,
    { size = 10, font = this.regular, color = ink, indent = 0, gapAfter = 4 }: TextOptions = {},
  ): void {
    const lineHeight = size * 1.3;
    for (const line of wrap(font, size, value, this.contentWidth - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      font.draw(this.page, line, { x: this.left + indent, y: this.y + size * 0.25, size, color });
    }
    this.y -= gapAfter;
  }

  heading(value: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 15 : 11.5;
    this.ensure(size * 3 + 30);
    this.gap(level === 1 ? 10 : 6);
    this.text(value, { size, font: this.bold, gapAfter: level === 1 ? 6 : 3 });
    if (level === 1) {
      this.page.drawLine({
        start: { x: this.left, y: this.y + 3 },
        end: { x: this.left + this.contentWidth, y: this.y + 3 },
        thickness: 0.6,
        color: rule,
      });
      this.gap(6);
    }
  }

  /** Label and value pairs in two columns; empty values show as a dash. */
  fields(
    pairs: [string, string | null | undefined][],
    labelWidth = 130,
    monoLabels: ReadonlySet<string> = new Set(),
  ): void {
    const size = 9.5;
    for (const [label, value] of pairs) {
      const mono = monoLabels.has(label);
      const font = mono ? this.mono : this.regular;
      const valueSize = mono ? size - 1 : size;
      const lines = wrap(font, valueSize, value?.trim() ? value : "—", this.contentWidth - labelWidth);
      this.ensure(lines.length * size * 1.3 + 2);
      this.bold.draw(this.page, fit(this.bold, size, label, labelWidth - 8), {
        x: this.left,
        y: this.y - size,
        size,
        color: muted,
      });
      for (const line of lines) {
        this.y -= size * 1.3;
        font.draw(this.page, line, { x: this.left + labelWidth, y: this.y + size * 0.3, size: valueSize, color: ink });
      }
      this.y -= 2;
    }
    this.y -= 4;
  }

  table(columns: Column[], rows: string[][], { size = 8 }: { size?: number } = {}): void {
    const pad = 3;
    const lineHeight = size * 1.25;
    const drawHeader = () => {
      const height = lineHeight + 2 * pad;
      this.ensure(height + lineHeight + 2 * pad);
      this.page.drawRectangle({ x: this.left, y: this.y - height, width: this.contentWidth, height, color: shade });
      let x = this.left;
      for (const c of columns) {
        this.bold.draw(this.page, fit(this.bold, size, c.header, c.width - 2 * pad), {
          x: x + pad,
          y: this.y - pad - size,
          size,
          color: ink,
        });
        x += c.width;
      }
      this.y -= height;
    };
    drawHeader();
    for (const row of rows) {
      const cells = columns.map((c, i) =>
        wrap(c.mono ? this.mono : this.regular, c.mono ? size - 1 : size, row[i] ?? "", c.width - 2 * pad),
      );
      const height = Math.max(...cells.map((lines) => lines.length)) * lineHeight + 2 * pad;
      if (this.y - height < MARGIN + FOOTER - 12) {
        this.newPage();
        drawHeader();
      }
      let x = this.left;
      columns.forEach((c, i) => {
        const font = c.mono ? this.mono : this.regular;
        cells[i]!.forEach((line, n) =>
          font.draw(this.page, line, {
            x: x + pad,
            y: this.y - pad - size - n * lineHeight,
            size: c.mono ? size - 1 : size,
            color: ink,
          }),
        );
        x += c.width;
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: this.left, y: this.y },
        end: { x: this.left + this.contentWidth, y: this.y },
        thickness: 0.4,
        color: rule,
      });
    }
    this.y -= 8;
  }

  /** The case reference, what the document is, and "Page n of m" on every page. */
  footers(caseRef: string, what = "Evidence pack report"): void {
    const pages = this.doc.getPages();
    const size = 8;
    pages.forEach((page, i) => {
      const left = `${caseRef} · ${what}`;
      const right = `Page ${i + 1} of ${pages.length}`;
      page.drawLine({
        start: { x: MARGIN, y: MARGIN - 6 },
        end: { x: A4.width - MARGIN, y: MARGIN - 6 },
        thickness: 0.4,
        color: rule,
      });
      this.regular.draw(page, fit(this.regular, size, left, this.contentWidth - 80), {
        x: MARGIN,
        y: MARGIN - 18,
        size,
        color: muted,
      });
      this.regular.draw(page, right, {
        x: A4.width - MARGIN - this.regular.width(right, size),
        y: MARGIN - 18,
        size,
        color: muted,
      });
    });
  }
}
