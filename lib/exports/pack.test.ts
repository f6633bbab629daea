import { evidenceDataDir } from "@/lib/testing/evidence";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKind, db } from "@/db";
import { auditEvents, custodyEvents, exports } from "@/db/schema";
import type { AuditAnchor } from "@/lib/audit/anchor";
import { writeAuditAnchor } from "@/lib/audit/write-anchor";
import type { Actor } from "@/lib/auth/actor";
import { createLink } from "@/lib/personas/create-link";
import { createDisclosure } from "@/lib/referrals/create-disclosure";
import { createReferral } from "@/lib/referrals/create-referral";
import { makeCase } from "@/lib/testing/cases";
import { addEvidence, exportAndWait, listFiles, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { fileReferral } from "@/lib/testing/referrals";
import { stixBundleValidator } from "@/lib/testing/stix";
import { instanceSigningKey } from "./signing";
import { verifyPack } from "./verify-pack";

// These packs are checked file by file as made without a time-stamping authority (timestamp.test.ts
// covers manifest.tsr): whatever TSA_URL the run has, this file builds them without.
vi.hoisted(() => {
  delete process.env.TSA_URL;
});

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

let lead: Actor;
let caseId: string;
let caseRef: string;
const files = [
  {
    name: "payroll-change.pdf",
    bytes: Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(300_000)]),
    title: "Payroll bank change request",
    kind: "hr_record",
    collectedBy: "HR operations",
    collectedAt: "2026-02-01T10:00:00Z",
  },
  {
    name: "Résumé (final).txt",
    bytes: Buffer.from("Senior engineer, 9 years, Belgrade University\n"),
    title: "Résumé as submitted ✓",
    kind: "document",
  },
  { name: "../../chat/interview.log", bytes: randomBytes(70_000), title: "Interview chat", kind: "chat_log" },
];

beforeAll(async () => {
  // A formula in a user-supplied name must reach the CSVs neutralised.
  lead = await makeActor("investigator", '=HYPERLINK("http://x") Lead');
  const c = await makeCase(lead, {
    summary: "Contractor whose payroll moved to a new bank in another country; camera never on.",
    subject: { name: "Dmytro Kovalenko", role: "Senior backend engineer" },
  });
  caseId = c.id;
  caseRef = c.ref;
  for (const f of files) await addEvidence(lead, caseId, f);
  const [a, b, op] = [
    await makePersona(lead, { caseId, displayName: "Alex Chen" }),
    await makePersona(lead, { caseId, displayName: "Şerban Ionescu 高" }),
    await makePersona(lead, { caseId, displayName: "Operator J", status: "confirmed", aliases: ["Jasper"] }),
  ];
  const email = uniqueValue.email();
  for (const p of [a!, b!]) await giveIdentifier(lead, p.id, { type: "email", value: email });
  await giveIdentifier(lead, a!.id, { type: "phone", value: uniqueValue.phone() });
  await giveIdentifier(lead, b!.id, { type: "crypto_wallet", value: uniqueValue.wallet(), chain: "ethereum" });
  await giveIdentifier(lead, b!.id, { type: "ip", value: `198.51.100.${Math.floor(Math.random() * 250)}` });
  await giveIdentifier(lead, op!.id, {
    type: "social_handle",
    value: `https://github.com/${uniqueValue.email().split("@")[0]}`,
  });
  await giveIdentifier(lead, op!.id, { type: "domain", value: `${uniqueValue.email().split("@")[0]}.example` });
  await createLink({
    actor: lead,
    input: {
      fromPersonaId: a!.id,
      toPersonaId: op!.id,
      relation: "operated_by",
      confidence: 80,
      rationale: "Same laptop farm address",
    },
  });
  await fileReferral(caseId);
});

describe("an evidence pack", () => {
  let pack: Awaited<ReturnType<typeof exportAndWait>>;
  let dir: string;

  let anchor: AuditAnchor;

  beforeAll(async () => {
    // Into this file's own data folder, where the build reads the newest anchor from.
    const written = await writeAuditAnchor({ db });
    if (!written.written) throw new Error("no anchor written");
    anchor = written.anchor;
    pack = await exportAndWait(lead, caseId);
    dir = unzipPack(pack.file);
    if (process.env.KEEP_PACK) fs.copyFileSync(pack.file, process.env.KEEP_PACK);
  }, 120_000);

  it("is built once into the data folder, named after the case and the time, with the whole pack's SHA-256", () => {
    expect(pack.status).toBe("done");
    expect(pack.progress).toBe(1000);
    expect(pack.fileName).toMatch(new RegExp(`^${caseRef}_\\d{8}T\\d{6}Z\\.zip$`));
    expect(path.dirname(pack.file)).toBe(path.join(evidenceDataDir, "exports"));
    const bytes = fs.readFileSync(pack.file);
    expect(pack.size).toBe(bytes.length);
    expect(run("sha256sum", [pack.file]).stdout.split(" ")[0]).toBe(pack.sha256);
    expect(pack.manifestSha256).toBe(sha256(fs.readFileSync(path.join(dir, "manifest.json"))));
  });

  it("holds exactly the listed files, evidence under exhibit numbers with safe names", () => {
    expect(listFiles(dir)).toEqual(
      [
        "SHA256SUMS",
        "VERIFY.txt",
        "audit.csv",
        "certification/certificate-of-authenticity.docx",
        "certification/certificate-of-authenticity.pdf",
        "certification/us-fre-902-declaration.docx",
        "certification/us-fre-902-declaration.pdf",
        "custody.csv",
        "evidence/E-001_payroll-change.pdf",
        "evidence/E-002_Résumé_final.txt",
        "evidence/E-003_interview.log",
        "manifest.json",
        "manifest.sig",
        "public-key.pem",
        "report.pdf",
        "stix/bundle.json",
      ].sort(),
    );
    files.forEach((f, i) => {
      const name = listFiles(dir).filter((p) => p.startsWith(`evidence/E-00${i + 1}_`))[0]!;
      expect(fs.readFileSync(path.join(dir, name)).equals(f.bytes)).toBe(true);
    });
  });

  it("passes the real sha256sum -c, which covers every other file", () => {
    const result = run("sha256sum", ["-c", "SHA256SUMS"], dir);
    expect(result.status, result.stderr).toBe(0);
    const checked = result.stdout
      .trim()
      .split("\n")
      .map((l) => l.replace(/: OK$/, ""));
    expect(checked.sort()).toEqual(listFiles(dir).filter((f) => f !== "SHA256SUMS"));
  });

  it("has a manifest signature that openssl verifies with the included key, which is this instance's key", () => {
    const result = run(
      "openssl",
      [
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        "public-key.pem",
        "-rawin",
        "-in",
        "manifest.json",
        "-sigfile",
        "manifest.sig",
      ],
      dir,
    );
    expect(result.stdout + result.stderr).toContain("Signature Verified Successfully");
    expect(result.status).toBe(0);
    const fingerprint = run(
      "sh",
      ["-c", "openssl pkey -pubin -in public-key.pem -outform DER | sha256sum"],
      dir,
    ).stdout.split(" ")[0];
    expect(fingerprint).toBe(instanceSigningKey().fingerprint);
    expect(fs.readFileSync(path.join(dir, "VERIFY.txt"), "utf8")).toContain(fingerprint!);
    expect(fs.statSync(path.join(evidenceDataDir, "signing-key.pem")).mode & 0o777).toBe(0o600);
  });

  it("passes verify-pack, which recognises this instance's key", async () => {
    const result = await verifyPack(pack.file, { instanceKey: instanceSigningKey() });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      files: 16,
      signature: { valid: true, matchesInstance: true },
      sums: { checked: 15 },
      manifest: { evidence: 3, caseRef },
    });
  });

  it("has a manifest with the case, the exporter, the software, every file and item with custody, and the network", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.case).toMatchObject({ ref: caseRef, subject: { name: "Dmytro Kovalenko" } });
    expect(manifest.exportedBy).toMatchObject({ email: lead.email, role: "investigator" });
    expect(manifest.software).toEqual({ name: "Casework", version: expect.any(String) });
    const listed = new Map(manifest.files.map((f: { path: string; size: number; sha256: string }) => [f.path, f]));
    for (const name of listFiles(dir).filter(
      (f) =>
        !["manifest.json", "manifest.sig", "report.pdf", "SHA256SUMS"].includes(f) && !f.startsWith("certification/"),
    )) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(listed.get(name), name).toEqual({ path: name, size: bytes.length, sha256: sha256(bytes) });
    }
    expect(manifest.evidence.map((e: { exhibitNo: string }) => e.exhibitNo)).toEqual(["E-001", "E-002", "E-003"]);
    expect(manifest.evidence[0]).toMatchObject({
      title: files[0]!.title,
      kind: "hr_record",
      sha256: sha256(files[0]!.bytes),
      size: files[0]!.bytes.length,
      collectedBy: "HR operations",
      originalName: "payroll-change.pdf",
    });
    expect(manifest.evidence[2].originalName).toBe("../../chat/interview.log");
    expect(manifest.evidence[0].custody.map((e: { action: string }) => e.action)).toEqual(["collected", "uploaded"]);
    expect(manifest.personas).toHaveLength(3);
    expect(manifest.identifiers).toHaveLength(6);
    expect(manifest.personaIdentifiers).toHaveLength(7);
    expect(manifest.links).toEqual([expect.objectContaining({ relation: "operated_by", confidence: 80 })]);
    expect(manifest.excluded).toEqual([]);
  });

  it("has a STIX 2.1 bundle that validates against the official schemas", () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, "stix/bundle.json"), "utf8"));
    const validate = stixBundleValidator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const types = bundle.objects.map((o: { type: string }) => o.type);
    expect(types[0]).toBe("report");
    for (const t of [
      "identity",
      "threat-actor",
      "email-addr",
      "ipv4-addr",
      "user-account",
      "url",
      "domain-name",
      "relationship",
      "x-casework-phone",
      "x-casework-crypto-wallet",
    ])
      expect(types).toContain(t);
    const report = bundle.objects[0];
    expect(report.object_refs).toHaveLength(bundle.objects.length - 1);
    for (const o of bundle.objects)
      expect(o.id).toMatch(/--[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has a report.pdf that opens, shows the manifest hash on its cover and one evidence row per packed item", () => {
    const info = run("pdfinfo", [path.join(dir, "report.pdf")]);
    expect(info.status, info.stderr).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = run("pdftotext", ["-layout", path.join(dir, "report.pdf"), "-"]).stdout;
    const cover = text.split("\f")[0]!;
    expect(cover).toContain(caseRef);
    expect(cover).toContain(pack.manifestSha256);
    const index = text.slice(text.indexOf("Evidence index"), text.indexOf("Personas and identifiers"));
    expect(index.split("\n").filter((line) => /^\s*E-\d{3}\s/.test(line))).toHaveLength(3);
    for (const f of files) expect(index.replace(/\s+/g, "")).toContain(sha256(f.bytes).slice(0, 30));
    // Every page carries the case reference and its number.
    text
      .split("\f")
      .filter((p) => p.trim())
      .forEach((page, i) => {
        expect(page).toContain(caseRef);
        expect(page).toContain(`Page ${i + 1} of ${pages}`);
      });
    expect(text).toContain("Persona graph");
    expect(text).toContain("Şerban Ionescu 高");
  });

  it("has custody and audit CSVs in RFC 4180 form with formulas neutralised", () => {
    const custody = fs.readFileSync(path.join(dir, "custody.csv"), "utf8");
    expect(custody.startsWith("\uFEFFexhibit,evidence_id,time,action,actor,ip,detail\r\n")).toBe(true);
    expect(custody).toContain(`"'=HYPERLINK(""http://x"") Lead <${lead.email}>"`);
    expect(custody).not.toMatch(/(^|,)=HYPERLINK/m);
    const audit = fs.readFileSync(path.join(dir, "audit.csv"), "utf8");
    expect(audit).toContain("export.create");
    expect(audit).toContain("evidence.upload");
  });

  it("writes an exported custody event per packed item and an audit event", async () => {
    const exported = await db.select().from(custodyEvents).where(eq(custodyEvents.action, "exported"));
    const mine = exported.filter((e) => (e.detail as { exportId?: string }).exportId === pack.id);
    expect(mine).toHaveLength(3);
    expect(mine[0]!.detail).toMatchObject({ packSha256: pack.sha256, fileName: pack.fileName });
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, pack.id), eq(auditEvents.action, "export.complete")));
    expect(audit).toHaveLength(1);
    const [row] = await db.select().from(exports).where(eq(exports.id, pack.id));
    expect(row?.completedAt).toBeInstanceOf(Date);
  });

  it("records the audit log's newest event at build time and the newest signed anchor, which verify-pack checks with the pack's key", async () => {
    const { audit } = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
      audit: { headSeq: number; headHash: string; anchor?: unknown };
    };
    const seqOf = async (action: string) =>
      (
        await db
          .select({ seq: auditEvents.seq })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, pack.id), eq(auditEvents.action, action)))
      )[0]!.seq;
    const [created, completed] = [await seqOf("export.create"), await seqOf("export.complete")];
    // Other test files append to a shared PostgreSQL log meanwhile; alone, nothing comes between.
    if (databaseKind() === "pglite") expect(audit.headSeq).toBe(created);
    expect(audit.headSeq).toBeGreaterThanOrEqual(created);
    expect(audit.headSeq).toBeLessThan(completed);
    const [head] = await db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.seq, audit.headSeq));
    expect(audit.headHash).toBe(head!.hash);
    expect(audit.anchor).toEqual({ seq: anchor.seq, hash: anchor.hash, at: anchor.at, signature: anchor.signature });
    expect((await verifyPack(pack.file)).audit).toEqual({
      headSeq: audit.headSeq,
      anchor: { seq: anchor.seq, at: anchor.at, valid: true },
    });
  });

  it("can be attached to a referral's disclosure log, which then records the pack's SHA-256", async () => {
    const admin = await makeActor("admin");
    const referral = await createReferral({ actor: admin, caseId, input: { destination: "fbi_ic3" } });
    const sent = await createDisclosure({
      actor: admin,
      referralId: referral.id,
      input: { what: "Evidence pack", recipient: "FBI IC3", sentAt: new Date().toISOString(), exportId: pack.id },
    });
    expect(sent).toMatchObject({ exportId: pack.id, sha256: pack.sha256 });
  });
});
