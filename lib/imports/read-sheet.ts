import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";

export type ImportFormat = "csv" | "xlsx";

export interface Sheet {
  headers: string[];
  /** Each record with its row number in the file (the header is row 1); blank rows are left out. */
  rows: { row: number; cells: string[] }[];
}

/** The most rows one import takes: more is a file to split. */
export const MAX_IMPORT_ROWS = 500_000;

const SAMPLE = 1024 * 1024;

/** A workbook is a ZIP; anything else must be CSV text in UTF-8 (its first megabyte is checked). */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  let end = Math.min(bytes.length, SAMPLE);
  // A sample cut inside a multi-byte character ends before that character.
  if (end < bytes.length) {
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
  } catch {
    throw new AppError("bad_request", "The file is neither CSV in UTF-8 nor an XLSX workbook", [
      { path: "file", message: "Save it as CSV (UTF-8) or XLSX" },
    ]);
  }
  return "csv";
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === "");

function readCsv(bytes: Uint8Array): Sheet {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const records = parsed.data;
  const sheet: Sheet = { headers: [], rows: [] };
  records.forEach((cells, i) => {
    if (i === 0) sheet.headers = cells.map((h) => h.trim());
    else if (!blank(cells)) sheet.rows.push({ row: i + 1, cells });
  });
  return sheet;
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError("bad_request", "The workbook cannot be read");
  }
  const worksheet = workbook.worksheets[0];
  const sheet: Sheet = { headers: [], rows: [] };
  if (!worksheet) return sheet;
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) {
      width = row.cellCount;
      sheet.headers = Array.from({ length: width }, (_, i) => row.getCell(i + 1).text.trim());
      return;
    }
    const cells = Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => row.getCell(i + 1).text);
    if (!blank(cells)) sheet.rows.push({ row: rowNumber, cells });
  });
  return sheet;
}

/** The header row and records of a CSV file or of a workbook's first sheet, as text. */
export async function readSheet(bytes: Uint8Array, format: ImportFormat): Promise<Sheet> {
  const sheet = format === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  if (sheet.headers.every((h) => h === ""))
    throw new AppError("bad_request", "The file has no header row: its first row must name the columns");
  if (sheet.rows.length > MAX_IMPORT_ROWS)
    throw new AppError("bad_request", `The file has more than ${MAX_IMPORT_ROWS} rows; split it`);
  return sheet;
}
