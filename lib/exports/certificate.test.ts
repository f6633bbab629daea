import "@/lib/testing/evidence";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { verifyPack } from "./verify-pack";

// Built without a time-stamping authority: the certificates then say the pack has none.
vi.hoisted(() => {
  delete process.env.TSA_URL;
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const files = [
  {
    name: "김상만_이력서.txt",
    bytes: Buffer.from("이력서 김상만\n"),
    title: "金相萬 résumé",
    collectedBy: "김상만 HR 담당자",
    collectedAt: "2026-02-01T10:00:00Z",
  },
  { name: "payroll.csv", bytes: Buffer.from("name,bank\nКим Сан Ман,DE00\n"), title: "Payroll change" },
  { name: "privileged.txt", bytes: Buffer.from("counsel's advice\n"), title: "Advice from counsel" },
];

let dir: string;
let pack: Awaited<ReturnType<typeof exportAndWait>>;
const texts = new Map<string, string>();
// Whitespace differs between a PDF's and a DOCX's text; hashes and names are compared without it.
const flat = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  const lead = await makeActor("investigator", "Ким Сан Ман (lead)");
  const c = await makeCase(lead, { title: "金相萬 payroll diversion", subject: { name: "김상만" } });
  const added = [];
  for (const f of files) added.push(await addEvidence(lead, c.id, f));
  pack = await exportAndWait(lead, c.id, {
    exclude: [{ evidenceId: added[2]!.id, reason: "Legal advice privilege" }],
  });
  expect(pack.status).toBe("done");
  dir = unzipPack(pack.file);
  for (const name of ["us-fre-902-declaration", "certificate-of-authenticity"]) {
    const pdf = run("pdftotext", [path.join(dir, "certification", `${name}.pdf`), "-"]);
    expect(pdf.status, pdf.stderr).toBe(0);
    texts.set(`${name}.pdf`, pdf.stdout);
    const docx = await mammoth.extractRawText({ path: path.join(dir, "certification", `${name}.docx`) });
    texts.set(`${name}.docx`, docx.value);
  }
}, 120_000);

describe("the certificates of authenticity in a pack", () => {
  it("come as PDF and DOCX for the US declaration and the plain form, listed in the manifest and VERIFY.txt", async () => {
    expect([...texts.keys()]).toHaveLength(4);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
      filesNotListed: { path: string }[];
    };
    const named = manifest.filesNotListed.map((f) => f.path);
    for (const file of texts.keys()) expect(named).toContain(`certification/${file}`);
    const verify = fs.readFileSync(path.join(dir, "VERIFY.txt"), "utf8");
    expect(verify).toContain("certification/");
    expect(verify).toContain("902(11)");
    const sums = fs.readFileSync(path.join(dir, "SHA256SUMS"), "utf8");
    for (const file of texts.keys()) expect(sums).toContain(`  certification/${file}\n`);
    expect((await verifyPack(pack.file)).problems).toEqual([]);
  });

  it("name every packed exhibit with its hash and collector, and the manifest's hash, in both formats", () => {
    for (const [file, text] of texts) {
      const joined = flat(text);
      expect(joined, file).toContain(flat(pack.manifestSha256!));
      expect(joined, file).toContain(sha256(files[0]!.bytes));
      expect(joined, file).toContain(sha256(files[1]!.bytes));
      expect(text, file).toContain("E-001");
      expect(text, file).toContain("E-002");
      // Names in Hangul, Chinese and Cyrillic exactly as stored.
      expect(joined, file).toContain(flat("김상만 HR 담당자"));
      expect(joined, file).toContain(flat("金相萬 payroll diversion"));
      expect(joined, file).toContain(flat("Ким Сан Ман (lead)"));
      expect(text, file).not.toContain("?");
      // The withheld item is named as not certified, with its reason.
      expect(joined, file).toContain(flat("Legal advice privilege"));
      // The custody summary and blanks for the declarant.
      expect(joined, file).toContain(flat("collected by 김상만 HR 담당자 at 2026-02-01 10:00 UTC (recorded"));
      expect(text, file).toMatch(/_{20,}/);
      expect(text, file).toContain("Signature");
      expect(joined, file).toContain("notrustedtimestamp");
    }
  });

  it("are the right forms: a § 1746 declaration under Rules 902(11) and 902(14), and a plain one with a statement of truth", () => {
    for (const kind of ["pdf", "docx"]) {
      const us = flat(texts.get(`us-fre-902-declaration.${kind}`)!);
      expect(us).toContain(flat("Federal Rules of Evidence 902(11) and 902(14)"));
      expect(us).toContain(flat("I declare under penalty of perjury under the laws of the United States of America"));
      const plain = flat(texts.get(`certificate-of-authenticity.${kind}`)!);
      expect(plain).toContain(flat("I believe that the facts stated in this certificate are true."));
      expect(plain).not.toContain("perjury");
    }
  });
});
