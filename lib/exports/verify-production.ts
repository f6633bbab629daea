import { PDFDocument } from "pdf-lib";
import { parseDat } from "./production/load-files";
import { batesValue, PRODUCTION_DIR } from "./production/plan";
import type { PackProblem } from "./verify-pack";

interface ProductionInManifest {
  batesPrefix: string;
  firstBates: string | null;
  lastBates: string | null;
  documents: number;
  pages?: number;
  loadFile: string;
  imageLoadFile: string;
}

/**
 * The production's Bates ranges hold together: the DAT's ranges run on without gap or overlap
 * from the manifest's first number to its last, each document's page images have exactly as many
 * pages as its range, and the OPT has one line per page in the same order, breaking at each
 * document. `read` gives an entry's bytes (null when the pack has no such file).
 */
export async function checkProduction(
  manifestBytes: Buffer | undefined,
  read: (name: string) => Promise<Buffer | null>,
  problems: PackProblem[],
): Promise<{ documents: number; pages: number } | null> {
  let production: ProductionInManifest | null = null;
  try {
    production =
      (JSON.parse(manifestBytes?.toString("utf8") ?? "{}") as { production?: ProductionInManifest }).production ?? null;
  } catch {
    return null; // the manifest check says it does not parse
  }
  if (!production) return null;
  const { batesPrefix: prefix, loadFile, imageLoadFile } = production;
  const dat = await read(loadFile);
  const opt = await read(imageLoadFile);
  if (!dat) problems.push({ file: loadFile, problem: "is named in manifest.json but missing from the pack" });
  if (!opt) problems.push({ file: imageLoadFile, problem: "is named in manifest.json but missing from the pack" });
  if (!dat || !opt) return null;
  let rows: ReturnType<typeof parseDat>;
  try {
    rows = parseDat(dat);
  } catch (error) {
    problems.push({ file: loadFile, problem: `does not parse: ${error instanceof Error ? error.message : error}` });
    return null;
  }

  const expectedKeys: string[] = [];
  let previous: number | null = null;
  for (const row of rows) {
    const begin = batesValue(prefix, row.BEGBATES);
    const end = batesValue(prefix, row.ENDBATES);
    if (begin === null || end === null || end < begin) {
      problems.push({ file: loadFile, problem: `${row.EXHIBIT}: ${row.BEGBATES} to ${row.ENDBATES} is not a range` });
      continue;
    }
    if (previous !== null && begin !== previous + 1)
      problems.push({
        file: loadFile,
        problem: `${row.EXHIBIT}: starts at ${row.BEGBATES}, not right after the previous document`,
      });
    previous = end;
    const images = `${PRODUCTION_DIR}/IMAGES/${row.BEGBATES}.pdf`;
    const bytes = await read(images);
    if (!bytes) problems.push({ file: images, problem: `is missing: ${row.EXHIBIT}'s page images` });
    else {
      const pages = await PDFDocument.load(bytes, { updateMetadata: false }).then(
        (d) => d.getPageCount(),
        () => null,
      );
      if (pages !== end - begin + 1)
        problems.push({
          file: images,
          problem: `has ${pages ?? "no readable"} pages for the ${end - begin + 1} numbers ${row.BEGBATES} to ${row.ENDBATES}`,
        });
    }
    for (let n = begin; n <= end; n++)
      expectedKeys.push(`${prefix}${String(n).padStart(row.BEGBATES.length - prefix.length, "0")}`);
  }
  if (
    rows.length > 0 &&
    (rows[0]!.BEGBATES !== production.firstBates || rows.at(-1)!.ENDBATES !== production.lastBates)
  )
    problems.push({
      file: loadFile,
      problem: `runs from ${rows[0]!.BEGBATES} to ${rows.at(-1)!.ENDBATES}, not ${production.firstBates} to ${production.lastBates} as manifest.json says`,
    });

  const lines = opt
    .toString("utf8")
    .split("\r\n")
    .filter((l) => l !== "")
    .map((l) => l.split(","));
  const keys = lines.map((l) => l[0]);
  if (keys.length !== expectedKeys.length || keys.some((k, i) => k !== expectedKeys[i]))
    problems.push({
      file: imageLoadFile,
      problem: `lists ${keys.length} pages that do not follow the DAT's ${expectedKeys.length} Bates numbers in order`,
    });
  const breaks = lines.filter((l) => l[3] === "Y").length;
  if (breaks !== rows.length)
    problems.push({ file: imageLoadFile, problem: `breaks ${breaks} documents where the DAT has ${rows.length}` });
  return { documents: rows.length, pages: expectedKeys.length };
}
