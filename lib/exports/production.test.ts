import "@/lib/testing/evidence";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, listFiles, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { createExport } from "./create-export";
import { concordanceDat, DAT_FIELDS, parseDat } from "./production/load-files";
import { verifyPack } from "./verify-pack";

vi.hoisted(() => {
  delete process.env.TSA_URL;
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const files = [
  {
    name: "Payroll Change.PDF",
    bytes: Buffer.from("%PDF-1.4\npayroll\n"),
    title: "Payroll change",
    collectedBy: "HR operations",
    collectedAt: "2026-02-01T10:00:00Z",
  },
  { name: "김상만_이력서.docx", bytes: Buffer.from("résumé bytes"), title: "金相萬 résumé" },
  { name: "chat", bytes: Buffer.from("no extension"), title: "Chat log" },
];

let dir: string;
let pack: Awaited<ReturnType<typeof exportAndWait>>;
let caseId: string;
let lead: Awaited<ReturnType<typeof makeActor>>;

beforeAll(async () => {
  lead = await makeActor("investigator", "Ким Сан Ман");
  const c = await makeCase(lead);
  caseId = c.id;
  for (const f of files) await addEvidence(lead, c.id, f);
  pack = await exportAndWait(lead, c.id, { production: { batesPrefix: "CW", startNumber: 41 } });
  expect(pack.status).toBe("done");
  dir = unzipPack(pack.file);
}, 120_000);

describe("a production for review platforms", () => {
  it("holds each exhibit as a native named by its Bates number, sequential from the start number", () => {
    const produced = listFiles(dir).filter((f) => f.startsWith("production/"));
    expect(produced).toEqual([
      "production/DATA/CW.dat",
      "production/DATA/CW.opt",
      "production/NATIVES/CW000041.pdf",
      "production/NATIVES/CW000042.docx",
      "production/NATIVES/CW000043",
    ]);
    files.forEach((f, i) => {
      const native = path.join(dir, produced[2 + i]!);
      expect(fs.readFileSync(native).equals(f.bytes)).toBe(true);
    });
  });

  it("has a Concordance DAT with the standard delimiters that parses back into one row per document", () => {
    const raw = fs.readFileSync(path.join(dir, "production/DATA/CW.dat"));
    const text = raw.toString("utf8");
    expect(text.startsWith("\uFEFFþBEGBATESþ\u0014þENDBATESþ")).toBe(true);
    const rows = parseDat(raw);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => [r.BEGBATES, r.ENDBATES, r.EXHIBIT])).toEqual([
      ["CW000041", "CW000041", "E-001"],
      ["CW000042", "CW000042", "E-002"],
      ["CW000043", "CW000043", "E-003"],
    ]);
    expect(rows[0]).toMatchObject({
      FILENAME: "Payroll Change.PDF",
      CUSTODIAN: "HR operations",
      DATECOLLECTED: "2026-02-01",
      NATIVEPATH: "NATIVES\\CW000041.pdf",
    });
    expect(rows[1]!.FILENAME).toBe("김상만_이력서.docx");
    expect(rows[1]!.TITLE).toBe("金相萬 résumé");
    expect(rows[1]!.CUSTODIAN).toContain("Ким Сан Ман");
    for (const [i, row] of rows.entries()) {
      // The hash in the load file is the native's, and the native path resolves inside the production.
      const native = fs.readFileSync(path.join(dir, "production", row.NATIVEPATH.replaceAll("\\", "/")));
      expect(row.SHA256).toBe(sha256(native));
      expect(row.SHA256).toBe(sha256(files[i]!.bytes));
    }
  });

  it("has an Opticon OPT whose keys and paths match the DAT", () => {
    const lines = fs.readFileSync(path.join(dir, "production/DATA/CW.opt"), "utf8").trim().split("\r\n");
    const rows = parseDat(fs.readFileSync(path.join(dir, "production/DATA/CW.dat")));
    expect(lines.map((l) => l.split(","))).toEqual(
      rows.map((r) => [r.BEGBATES, "CW_VOL001", r.NATIVEPATH, "Y", "", "", "1"]),
    );
  });

  it("is listed in the signed manifest with its Bates range, and the pack verifies", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.production).toMatchObject({ batesPrefix: "CW", firstBates: "CW000041", lastBates: "CW000043" });
    const listed = manifest.files.map((f: { path: string }) => f.path);
    for (const f of listFiles(dir).filter((p) => p.startsWith("production/"))) expect(listed).toContain(f);
    expect((await verifyPack(pack.file)).problems).toEqual([]);
  });

  it("refuses a Bates prefix that is not letters, digits, '-' or '_'", async () => {
    await expect(
      createExport({ actor: lead, caseId, options: { production: { batesPrefix: "C W/.." } } }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("writes line breaks inside a field as ® and takes the qualifier out, so every row stays one line", () => {
    const record = Object.fromEntries(DAT_FIELDS.map((f) => [f, ""])) as Parameters<typeof concordanceDat>[0][number];
    const dat = concordanceDat([{ ...record, TITLE: "two\r\nlines þ", BEGBATES: "X1" }]);
    expect(dat.toString("utf8").split("\r\n")).toHaveLength(3);
    expect(parseDat(dat)[0]).toMatchObject({ TITLE: "two\nlines ", BEGBATES: "X1" });
  });
});
