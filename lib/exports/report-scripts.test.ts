import "@/lib/testing/evidence";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/cases/create-note";
import { updateNote } from "@/lib/cases/update-note";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { makePersona } from "@/lib/testing/personas";

// One sentence of Chinese and one of Korean with no spaces at all, longer than a line.
const chineseNote =
  "该人员在面试时始终拒绝开启摄像头并且使用了与另一名承包商完全相同的银行账户和收货地址这是同一操作者的明显迹象";
const koreanNote = "김상만은입사후첫주에회사노트북을다른주소로배송해달라고요청했으며급여계좌도두번변경했다";
const fileName = "김상만_이력서 (최종) Ким.txt";
const firstNote = "Ким confirmed the laptop went to 金相萬's flat, not the address on file.";
const editedNote = "Second bank change: 김상만 asked HR by phone, then by e-mail.";

let dir: string;
let raw: string;

beforeAll(async () => {
  const lead = await makeActor("investigator", "Ким Сан Ман (lead)");
  const c = await makeCase(lead, {
    title: "金相萬 payroll diversion",
    summary: `${chineseNote}\n${koreanNote}`,
    subject: { name: "김상만", role: "Backend engineer" },
  });
  await makePersona(lead, { caseId: c.id, displayName: "김상만", aliases: ["金相萬", "Kim Sang-man"] });
  await makePersona(lead, { caseId: c.id, displayName: "Ким Сан Ман" });
  await makePersona(lead, { caseId: c.id, displayName: "Şerban Ionescu 高" });
  await addEvidence(lead, c.id, { name: fileName, bytes: Buffer.from("이력서\n"), title: "金相萬 résumé ✓" });
  await createNote({ actor: lead, caseId: c.id, input: { body: firstNote } });
  const note = await createNote({ actor: lead, caseId: c.id, input: { body: "Second bank change" } });
  await updateNote({ actor: lead, noteId: note.id, input: { body: editedNote } });
  const pack = await exportAndWait(lead, c.id);
  expect(pack.status).toBe("done");
  dir = unzipPack(pack.file);
  raw = run("pdftotext", [path.join(dir, "report.pdf"), "-"]).stdout;
});

describe("the report in every script", () => {
  it("includes the case notes, oldest first, each with its author and time, and says which were edited", () => {
    const notes = raw.slice(raw.indexOf("Case notes"), raw.indexOf("Activity log"));
    expect(notes).toContain("2 notes, oldest first");
    const author = "Ким Сан Ман (lead) <";
    const first = notes.indexOf(firstNote);
    const second = notes.indexOf(editedNote);
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    // Each note is headed by its author and when it was written; the edited one says so.
    const heads = notes.split("\n").filter((line) => line.startsWith(author));
    expect(heads).toHaveLength(2);
    for (const head of heads) expect(head).toMatch(/ · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(heads[0]).not.toContain("edited");
    const secondHead = notes.slice(notes.lastIndexOf(author), second).replace(/\s+/g, " ");
    expect(secondHead).toMatch(/edited \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(1 earlier version\)/);
    expect(notes).not.toContain("Second bank change\n");
  });

  it("prints Hangul, Chinese and Cyrillic names exactly as stored, not as question marks", () => {
    for (const name of [
      "김상만",
      "金相萬",
      "Ким Сан Ман",
      "Şerban Ionescu 高",
      "金相萬 résumé ✓",
      "金相萬 payroll diversion",
    ])
      expect(raw).toContain(name);
    expect(raw).toContain(fileName);
    expect(raw).not.toContain("???");
  });

  it("breaks text without spaces between characters and loses none of them", () => {
    const joined = raw.replace(/\s+/g, "");
    expect(joined).toContain(chineseNote);
    expect(joined).toContain(koreanNote);
    // Longer than a line, so it was broken: no line holds the whole sentence.
    expect(raw.split("\n").some((line) => line.includes(chineseNote))).toBe(false);
  });

  it("embeds only the glyphs it draws, in fonts that poppler renders without complaint", () => {
    const fonts = run("pdffonts", [path.join(dir, "report.pdf")]);
    expect(fonts.status, fonts.stderr).toBe(0);
    const rows = fonts.stdout
      .split("\n")
      .slice(2)
      .filter((l) => l.trim());
    const noto = rows.filter((l) => /Noto/.test(l));
    expect(noto.map((l) => /NotoSans(KR|Hans)?-(Regular|Bold)/.exec(l)?.[0])).toEqual(
      expect.arrayContaining(["NotoSans-Regular", "NotoSansKR-Regular", "NotoSansHans-Regular"]),
    );
    // Every font is embedded ("emb" yes), and only the glyphs drawn: the Korean and Chinese font
    // files alone are 4.5 and 8.4 MB.
    for (const row of noto) expect(row).toMatch(/Identity-H\s+yes\s/);
    expect(fs.statSync(path.join(dir, "report.pdf")).size).toBeLessThan(600_000);
    const pages = run("pdftoppm", ["-r", "30", "-png", path.join(dir, "report.pdf"), path.join(dir, "page")]);
    expect(pages.status).toBe(0);
    expect(pages.stderr).toBe("");
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("page")).length).toBeGreaterThan(1);
  });
});
