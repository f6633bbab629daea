import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { concordanceDat, DAT_FIELDS, type DatRecord, opticonOpt } from "./production/load-files";
import { datRecords, optLines, planProduction } from "./production/plan";
import type { PackEvidence } from "./data";
import type { PackProblem } from "./verify-pack";
import { checkProduction } from "./verify-production";

async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return Buffer.from(await doc.save());
}

const item = (n: number) =>
  ({
    exhibitNo: `E-00${n}`,
    title: `Item ${n}`,
    originalName: `item-${n}.pdf`,
    sha256: "0".repeat(64),
    collectedAt: null,
    collectedBy: null,
    uploadedBy: "Lead",
    createdAt: "2026-01-01T00:00:00Z",
  }) as PackEvidence;

/** A production of two documents (2 pages and 1 page) from AB000007, as files by name. */
async function production(change: (files: Map<string, Buffer>, rows: DatRecord[]) => Promise<void> = async () => {}) {
  const planned = planProduction(
    [
      { item: item(1), pages: 2, hasText: false },
      { item: item(2), pages: 1, hasText: false },
    ],
    "AB",
    7,
  );
  const rows = datRecords(planned);
  const files = new Map<string, Buffer>([
    ["production/IMAGES/AB000007.pdf", await pdf(2)],
    ["production/IMAGES/AB000009.pdf", await pdf(1)],
    ["production/DATA/AB.opt", opticonOpt(optLines(planned, "AB_VOL001"))],
  ]);
  await change(files, rows);
  files.set("production/DATA/AB.dat", concordanceDat(rows));
  const manifest = Buffer.from(
    JSON.stringify({
      production: {
        batesPrefix: "AB",
        firstBates: "AB000007",
        lastBates: "AB000009",
        documents: 2,
        loadFile: "production/DATA/AB.dat",
        imageLoadFile: "production/DATA/AB.opt",
      },
    }),
  );
  const problems: PackProblem[] = [];
  const result = await checkProduction(manifest, async (name) => files.get(name) ?? null, problems);
  return { result, problems: problems.map((p) => `${p.file}: ${p.problem}`) };
}

describe("verify-pack's check of a production", () => {
  it("accepts ranges that run on, page images of the right length and an OPT page by page", async () => {
    expect(await production()).toEqual({ result: { documents: 2, pages: 3 }, problems: [] });
    expect(DAT_FIELDS).toContain("TEXTPATH");
  });

  it("names a document whose page images are short of its range", async () => {
    const { problems } = await production(async (files) => {
      files.set("production/IMAGES/AB000007.pdf", await pdf(1));
    });
    expect(problems).toContain("production/IMAGES/AB000007.pdf: has 1 pages for the 2 numbers AB000007 to AB000008");
  });

  it("names a gap between documents, and an OPT that no longer follows the DAT", async () => {
    const { problems } = await production(async (_files, rows) => {
      rows[1] = { ...rows[1]!, BEGBATES: "AB000010", ENDBATES: "AB000010" };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "production/DATA/AB.dat: E-002: starts at AB000010, not right after the previous document",
        expect.stringMatching(/^production\/IMAGES\/AB000010\.pdf: is missing/),
        expect.stringMatching(/^production\/DATA\/AB\.opt: lists 3 pages that do not follow/),
      ]),
    );
  });

  it("names missing load files", async () => {
    const { problems } = await production(async (files) => {
      files.delete("production/DATA/AB.opt");
    });
    expect(problems).toEqual(["production/DATA/AB.opt: is named in manifest.json but missing from the pack"]);
  });
});
