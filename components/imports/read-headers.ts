import Papa from "papaparse";

/**
 * The column names of an export, read in the browser so they can be mapped before anything is
 * sent: the first row of a CSV, or of a workbook's first sheet (its reader loads only then).
 */
export async function readHeaders(file: File): Promise<string[]> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const row = workbook.worksheets[0]?.getRow(1);
    if (!row) return [];
    return Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text.trim());
  }
  const text = (await file.slice(0, 256 * 1024).text()).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { preview: 1 });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}
