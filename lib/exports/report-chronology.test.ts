import "@/lib/testing/evidence";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";

// The report's text is what is checked here; the time-stamp has its own tests.
vi.hoisted(() => {
  delete process.env.TSA_URL;
});

describe("the pack's report", () => {
  it("tells the case's chronology by the events' own dates, oldest first, before the audit log", async () => {
    const lead = await makeActor("investigator", "Chrono Lead");
    const c = await makeCase(lead, {
      subject: {
        name: "Ada Quill",
        hiredOn: "2026-01-05",
        deviceShippedOn: "2026-01-08",
        firstSignInAt: "2026-01-12T09:30:00Z",
        terminatedOn: "2026-03-02",
      },
    });
    const persona = await makePersona(lead, { caseId: c.id, displayName: "Ada Quill (claimed)" });
    const wallet = uniqueValue.wallet();
    await giveIdentifier(lead, persona.id, {
      type: "crypto_wallet",
      value: wallet,
      chain: "ethereum",
      observedAt: "2026-02-14T12:00:00Z",
    });
    await addEvidence(lead, c.id, {
      name: "receipt.txt",
      bytes: Buffer.from(`courier receipt ${wallet}\n`),
      title: "Courier receipt",
      collectedAt: "2026-01-09T08:00:00Z",
      collectedBy: "IT asset desk",
    });
    const pack = await exportAndWait(lead, c.id);
    const dir = unzipPack(pack.file);
    const text = run("pdftotext", ["-layout", path.join(dir, "report.pdf"), "-"]).stdout;
    const start = text.indexOf("Chronology");
    const auditAt = text.indexOf("Activity log", start);
    expect(start).toBeGreaterThan(0);
    expect(auditAt).toBeGreaterThan(start);
    const section = text.slice(start, auditAt);
    const order = [
      "2026-01-05",
      "Ada Quill hired",
      "2026-01-08",
      "Device shipped to Ada Quill",
      "2026-01-09 08:00",
      "E-001 collected: Courier receipt",
      "2026-01-12 09:30",
      "Ada Quill's first sign-in",
      "2026-02-14 12:00",
      "Crypto wallet",
      "2026-03-02",
      "Ada Quill terminated",
      `Case ${c.ref} opened`,
    ];
    let at = 0;
    for (const piece of order) {
      const found = section.indexOf(piece, at);
      expect(found, `"${piece}" after position ${at}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    expect(section).toContain("Ada Quill (claimed)");
  });
});
