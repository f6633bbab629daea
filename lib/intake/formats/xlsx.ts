import ExcelJS from "exceljs";
import type { Extractor } from "./types";

/** One part per sheet, a line per row with its cells separated by tabs, as the cells display. */
export const extractXlsx: Extractor = async function* (bytes) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  for (const sheet of workbook.worksheets) {
    const lines: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text.replace(/[\t\r\n]+/g, " ")));
      lines.push(cells.join("\t").trimEnd());
    });
    yield { label: `Sheet: ${sheet.name}`, text: lines.join("\n") };
  }
};
