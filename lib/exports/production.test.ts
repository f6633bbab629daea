import "@/lib/testing/evidence";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { evidence, exports } from "@/db/schema";
import { drainJobs } from "@/lib/jobs/worker";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, listFiles, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { buildsIdle } from "./build-job";
import { createExport } from "./create-export";
import { getExport } from "./get-export";
import { concordanceDat, DAT_FIELDS, parseDat } from "./production/load-files";
import { verifyPack } from "./verify-pack";

vi.hoisted(() => {
  delete process.env.TSA_URL;
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const n of [1, 2]) doc.addPage([300, 400]).drawText(`payroll page ${n}`, { x: 20, y: 300, size: 12 });
  return Buffer.from(await doc.save());
}
// A 1×1 PNG.
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f8c7a40000000049454e44ae426082",
  "hex",
);

let files: { name: string; bytes: Buffer; title: string; collectedBy?: string; collectedAt?: string }[];
let dir: string;
let pack: Awaited<ReturnType<typeof exportAndWait>>;
let caseId: string;
let lead: Awaited<ReturnType<typeof makeActor>>;

const pdfText = (file: string, page: number) =>
  execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", file, "-"], { encoding: "utf8" });
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);

beforeAll(async () => {
  files = [
    {
      name: "Payroll Change.PDF",
      bytes: await twoPagePdf(),
      title: "Payroll change",
      collectedBy: "HR operations",
      collectedAt: "2026-02-01T10:00:00Z",
    },
    { name: "김상만_이력서.txt", bytes: Buffer.from("김상만\nSenior engineer, remote\n"), title: "金相萬 résumé" },
    { name: "chat", bytes: Buffer.from([0, 1, 2, 3, 0xff, 0xfe]), title: "Chat log" },
    { name: "badge.png", bytes: png, title: "Badge photo" },
  ];
  lead = await makeActor("investigator", "Ким Сан Ман");
  const c = await makeCase(lead);
  caseId = c.id;
  const added = [];
  for (const f of files) added.push(await addEvidence(lead, c.id, f));
  const advice = await addEvidence(lead, c.id, {
    name: "advice.txt",
    bytes: Buffer.from("counsel's advice"),
    title: "Counsel's advice",
  });
  await db.update(evidence).set({ privileged: true }).where(eq(evidence.id, advice.id));
  await drainJobs(["evidence.text"], [...added.map((a) => a.id), advice.id]);
  pack = await exportAndWait(lead, c.id, { production: { batesPrefix: "CW", startNumber: 41 } });
  expect(pack.status, pack.error ?? "").toBe("done");
  dir = unzipPack(pack.file);
}, 120_000);

describe("a production for review platforms", () => {
  it("holds each exhibit's native, page images and text, named by its first Bates number, numbered page by page", () => {
    const produced = listFiles(dir).filter((f) => f.startsWith("production/"));
    expect(produced).toEqual([
      "production/DATA/CW.dat",
      "production/DATA/CW.opt",
      "production/DATA/CW_PRIVILEGE_LOG.csv",
      "production/IMAGES/CW000041.pdf",
      "production/IMAGES/CW000043.pdf",
      "production/IMAGES/CW000044.pdf",
      "production/IMAGES/CW000045.pdf",
      "production/NATIVES/CW000041.pdf",
      "production/NATIVES/CW000043.txt",
      "production/NATIVES/CW000044",
      "production/NATIVES/CW000045.png",
      "production/TEXT/CW000041.txt",
      "production/TEXT/CW000043.txt",
    ]);
    for (const [i, native] of ["CW000041.pdf", "CW000043.txt", "CW000044", "CW000045.png"].entries())
      expect(fs.readFileSync(path.join(dir, "production/NATIVES", native)).equals(files[i]!.bytes)).toBe(true);
    expect(fs.readFileSync(path.join(dir, "production/TEXT/CW000043.txt"), "utf8")).toContain("김상만");
  });

  it("stamps every page with its own Bates number: a PDF keeps its pages, text prints in its script, the rest get a slip sheet", () => {
    const images = (n: string) => path.join(dir, "production/IMAGES", `${n}.pdf`);
    expect(pageCount(images("CW000041"))).toBe(2);
    expect(pdfText(images("CW000041"), 1)).toContain("payroll page 1");
    expect(pdfText(images("CW000041"), 1)).toContain("CW000041");
    expect(pdfText(images("CW000041"), 2)).toContain("payroll page 2");
    expect(pdfText(images("CW000041"), 2)).toContain("CW000042");
    expect(pdfText(images("CW000043"), 1)).toContain("김상만");
    expect(pdfText(images("CW000043"), 1)).toContain("CW000043");
    const slip = pdfText(images("CW000044"), 1);
    expect(slip).toContain("Produced in native form");
    expect(slip).toContain(sha256(files[2]!.bytes));
    expect(slip).toContain("CW000044");
    expect(pageCount(images("CW000045"))).toBe(1);
    expect(pdfText(images("CW000045"), 1)).toContain("CW000045");
  });

  it("has a Concordance DAT with the standard delimiters that parses back into one row per document", () => {
    const raw = fs.readFileSync(path.join(dir, "production/DATA/CW.dat"));
    const text = raw.toString("utf8");
    expect(text.startsWith("\uFEFFþBEGBATESþ\u0014þENDBATESþ")).toBe(true);
    const rows = parseDat(raw);
    expect(rows.map((r) => [r.BEGBATES, r.ENDBATES, r.PAGECOUNT, r.EXHIBIT, r.TEXTPATH])).toEqual([
      ["CW000041", "CW000042", "2", "E-001", "TEXT\\CW000041.txt"],
      ["CW000043", "CW000043", "1", "E-002", "TEXT\\CW000043.txt"],
      ["CW000044", "CW000044", "1", "E-003", ""],
      ["CW000045", "CW000045", "1", "E-004", ""],
    ]);
    expect(rows[0]).toMatchObject({
      FILENAME: "Payroll Change.PDF",
      CUSTODIAN: "HR operations",
      DATECOLLECTED: "2026-02-01",
      NATIVEPATH: "NATIVES\\CW000041.pdf",
    });
    expect(rows[1]!.FILENAME).toBe("김상만_이력서.txt");
    expect(rows[1]!.TITLE).toBe("金相萬 résumé");
    expect(rows[1]!.CUSTODIAN).toContain("Ким Сан Ман");
    for (const [i, row] of rows.entries()) {
      // The hash in the load file is the native's, and the native path resolves inside the production.
      const native = fs.readFileSync(path.join(dir, "production", row.NATIVEPATH.replaceAll("\\", "/")));
      expect(row.SHA256).toBe(sha256(native));
      expect(row.SHA256).toBe(sha256(files[i]!.bytes));
    }
  });

  it("has an Opticon OPT with one line per page, breaking at each document", () => {
    const lines = fs.readFileSync(path.join(dir, "production/DATA/CW.opt"), "utf8").trim().split("\r\n");
    expect(lines.map((l) => l.split(","))).toEqual([
      ["CW000041", "CW_VOL001", "IMAGES\\CW000041.pdf", "Y", "", "", "2"],
      ["CW000042", "CW_VOL001", "IMAGES\\CW000041.pdf", "", "", "", ""],
      ["CW000043", "CW_VOL001", "IMAGES\\CW000043.pdf", "Y", "", "", "1"],
      ["CW000044", "CW_VOL001", "IMAGES\\CW000044.pdf", "Y", "", "", "1"],
      ["CW000045", "CW_VOL001", "IMAGES\\CW000045.pdf", "Y", "", "", "1"],
    ]);
  });

  it("logs the privileged item it withholds, in the privilege log and the report", () => {
    const log = fs.readFileSync(path.join(dir, "production/DATA/CW_PRIVILEGE_LOG.csv"), "utf8");
    expect(log).toContain("Reason withheld");
    expect(log).toContain("E-005");
    expect(log).toContain("Counsel's advice");
    expect(listFiles(dir).some((f) => f.startsWith("production/") && f.includes("advice"))).toBe(false);
    const report = execFileSync("pdftotext", [path.join(dir, "report.pdf"), "-"], { encoding: "utf8" });
    expect(report).toContain("Production for review platforms");
    expect(report).toContain("CW000041 to CW000045");
    expect(report).toContain("Privilege log");
  });

  it("is listed in the signed manifest with its Bates range, and verify-pack checks the ranges", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.production).toMatchObject({
      batesPrefix: "CW",
      firstBates: "CW000041",
      lastBates: "CW000045",
      pages: 5,
    });
    const listed = manifest.files.map((f: { path: string }) => f.path);
    for (const f of listFiles(dir).filter((p) => p.startsWith("production/"))) expect(listed).toContain(f);
    const verified = await verifyPack(pack.file);
    expect(verified.problems).toEqual([]);
    expect(verified.production).toEqual({ documents: 4, pages: 5 });
  });

  it("never gives a Bates number twice in a case: the next production continues, a clashing start is refused", async () => {
    const next = await exportAndWait(lead, caseId, { production: { batesPrefix: "CW" } });
    expect(next.status, next.error ?? "").toBe("done");
    const nextDir = unzipPack(next.file);
    expect(JSON.parse(fs.readFileSync(path.join(nextDir, "manifest.json"), "utf8")).production).toMatchObject({
      firstBates: "CW000046",
      lastBates: "CW000050",
    });
    // Another prefix has numbers of its own.
    const other = await exportAndWait(lead, caseId, { production: { batesPrefix: "XY" } });
    expect(
      JSON.parse(fs.readFileSync(path.join(unzipPack(other.file), "manifest.json"), "utf8")).production,
    ).toMatchObject({ firstBates: "XY000001" });
    await expect(
      createExport({ actor: lead, caseId, options: { production: { batesPrefix: "CW", startNumber: 44 } } }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Taken by a build that started before the first one finished: the build stops, and says why.
    const clash = await createExport({
      actor: lead,
      caseId,
      options: { production: { batesPrefix: "CW", startNumber: 51 } },
    });
    await db.update(exports).set({ batesFirst: 46, batesLast: 52 }).where(eq(exports.id, next.id));
    await buildsIdle();
    const failed = await getExport({ actor: lead, exportId: clash.id });
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/CW000046 to CW000052 were already produced in this case/);
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
