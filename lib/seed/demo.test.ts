import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKind, db, ready } from "@/db";
import {
  caseRefCounters,
  evidence,
  evidenceTexts,
  imports,
  casePersonas,
  cases,
  identifiers,
  personaIdentifiers,
  personaRedFlags,
  sanctionsLists,
  userRoles,
  users,
} from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { listMentions } from "@/lib/intake/list-mentions";
import { drainJobs } from "@/lib/jobs/worker";
import { verifyPassword } from "@/lib/auth/password";
import { screenPersona } from "@/lib/sanctions/screen-persona";
import { setPasswordAsOperator } from "@/lib/users/passwords";
import { demoAccountsOnPublishedPasswords } from "./demo-reminder";
import { demoIdentifiers } from "./identifiers";
import { demoActor } from "./evidence";
import { LIKELY_MATCH } from "@/lib/matching/score-candidates";
import { listReviewQueue } from "@/lib/personas/list-review-queue";
import { settleMatching } from "@/lib/testing/matching";
import { seedDemo, type SeedResult } from "./demo";
import { demoLogins } from "./users";

// seedDemo only writes into a database without users. Under DATABASE_URL every test file shares
// one PostgreSQL database with other files' users, so this suite runs on PGlite only, where each
// test file gets its own empty in-memory database.
await ready();
const onPglite = databaseKind() === "pglite";

describe.runIf(onPglite)("seedDemo", () => {
  let result: SeedResult;
  beforeAll(async () => {
    result = await seedDemo();
  });

  it("creates one demo user per role, with the printed passwords", async () => {
    expect(result.seeded).toBe(true);
    const rows = await db.select().from(users);
    expect(new Set(rows.map((u) => u.role))).toEqual(new Set(userRoles));
    const admin = rows.find((u) => u.email === "admin@example.com");
    const login = demoLogins.find((l) => l.email === "admin@example.com");
    expect(login && login.password.length >= 12).toBe(true);
    expect(admin && login && (await verifyPassword(admin.passwordHash, login.password))).toBe(true);
  });

  it("links personas in different cases through shared identifiers", async () => {
    const [phone] = await db
      .select()
      .from(identifiers)
      .where(and(eq(identifiers.type, "phone"), eq(identifiers.normalizedValue, "+12025550147")));
    expect(phone).toBeDefined();
    const holders = await db
      .select({ personaId: personaIdentifiers.personaId })
      .from(personaIdentifiers)
      .where(eq(personaIdentifiers.identifierId, phone!.id));
    expect(holders.length).toBe(3);
    const attached = await db
      .select({ ref: cases.ref })
      .from(casePersonas)
      .innerJoin(cases, eq(cases.id, casePersonas.caseId))
      .where(
        inArray(
          casePersonas.personaId,
          holders.map((h) => h.personaId),
        ),
      );
    expect(new Set(attached.map((a) => a.ref)).size).toBeGreaterThanOrEqual(2);
  });

  it("stores identifiers normalised, cases at every status, and continues the case reference sequence", async () => {
    for (const ident of demoIdentifiers) {
      if (ident.type === "email" || (ident.type === "crypto_wallet" && ident.chain === "ethereum")) {
        expect(ident.normalizedValue).toBe(ident.normalizedValue.toLowerCase());
      }
      if (ident.type === "phone") expect(ident.normalizedValue).toMatch(/^\+[1-9]\d{6,14}$/);
      if (ident.chain === "ethereum") expect(ident.normalizedValue).toMatch(/^0x[0-9a-f]{40}$/);
      if (ident.chain === "bitcoin")
        expect(ident.normalizedValue).toMatch(/^bc1q[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{38}$/);
    }
    const rows = await db.select({ status: cases.status, ref: cases.ref }).from(cases);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["triage", "investigating", "contained", "referred", "closed", "cleared"]),
    );
    const year = new Date().getUTCFullYear();
    const [counter] = await db.select().from(caseRefCounters).where(eq(caseRefCounters.year, year));
    expect(counter?.last).toBe(rows.length);
    expect(rows.map((r) => r.ref)).toContain(`CASE-${year}-0001`);
    expect((await db.select().from(personaRedFlags)).length).toBeGreaterThan(10);
  });

  it("leaves a verifiable audit chain with one event per case", async () => {
    const result = await verifyAuditChain({ db });
    expect(result.ok).toBe(true);
    expect(result.firstBreak).toBeNull();
    expect(result.checked).toBeGreaterThanOrEqual(demoLogins.length + 6);
  });

  it("imports the OFAC SDN snapshot, against which a demo persona's payout wallet is a hit", async () => {
    const [list] = await db.select().from(sanctionsLists);
    expect(list).toMatchObject({ source: "ofac_sdn_csv", status: "done", entries: 14965, publishedAt: "2024-05-03" });
    const [holder] = await db
      .select({ personaId: personaIdentifiers.personaId })
      .from(personaIdentifiers)
      .innerJoin(identifiers, eq(identifiers.id, personaIdentifiers.identifierId))
      .where(eq(identifiers.normalizedValue, "0x97b1043abd9e6fc31681635166d430a458d14f9c"));
    const [admin] = await db.select().from(users).where(eq(users.role, "admin"));
    const actor = { id: admin!.id, email: admin!.email, name: admin!.name, role: admin!.role, via: "cli" as const };
    const hits = await screenPersona({ actor, personaId: holder!.personaId });
    expect(hits.items.map((h) => [h.entry.name, h.entry.program, h.matched[0]?.kind])).toEqual([
      ["KIM, Sang Man", "DPRK4", "wallet"],
    ]);
  });

  it("gives the first case synthetic documents whose text is read and whose identifiers are known", async () => {
    if (!result.seeded) throw new Error("not seeded");
    const items = await db
      .select({
        id: evidence.id,
        exhibitNo: evidence.exhibitNo,
        name: evidence.originalName,
        mimeType: evidence.mimeType,
      })
      .from(evidence)
      .where(eq(evidence.caseId, result.cases[0]!.id));
    expect(items.map((i) => i.name)).toEqual([
      "resume-ethan-exampleton.pdf",
      "resume-lucas-samplewood.docx",
      "vendor-email.eml",
      "chat-export.txt",
      "ats-export.csv",
      "profile-kim-sang-man.jpg",
      "profile-sang-man-gim.webp",
      "resume-kim-sang-man.pdf",
      "resume-김상만.docx",
    ]);
    expect(
      await drainJobs(
        ["evidence.text"],
        items.map((i) => i.id),
      ),
    ).toBe(9);
    const texts = await db
      .select()
      .from(evidenceTexts)
      .where(
        inArray(
          evidenceTexts.evidenceId,
          items.map((i) => i.id),
        ),
      );
    expect(texts.map((t) => t.status)).toEqual(Array(9).fill("done"));
    const [lead] = await db.select().from(users).where(eq(users.email, "investigator@example.com"));
    const actor = { id: lead!.id, email: lead!.email, name: lead!.name, role: lead!.role, via: "cli" as const };
    const email = items.find((i) => i.name === "vendor-email.eml")!;
    const mentions = await listMentions({ actor, evidenceId: email.id });
    const wallet = mentions.items.find((m) => m.normalizedValue === "0x9af3c0de5e7a1b2c3d4e5f60718293a4b5c6d7e8");
    expect(wallet?.locations[0]?.context).toContain("Portfolio: payouts to");
    expect(wallet?.knownAs.personas.map((p) => p.displayName)).toContain("Ethan Exampleton");

    // The applicant-tracking export as a dry run of an import: nothing written, a report to read.
    const [dryRun] = await db.select().from(imports).where(eq(imports.caseId, result.cases[0]!.id));
    expect(dryRun).toMatchObject({ source: "greenhouse", dryRun: true });
    await drainJobs(["import.rows"], [dryRun!.id]);
    const [done] = await db.select().from(imports).where(eq(imports.id, dryRun!.id));
    expect(done).toMatchObject({ status: "done", rows: 3 });
  }, 60_000);

  it("shows near-copy résumés, a Gmail dot variant, a romanised name pair and a re-encoded, cropped photo for review", async () => {
    await drainJobs(["evidence.text"]);
    await settleMatching();
    const actor = await demoActor("investigator@example.com");
    const queue = await listReviewQueue({ actor, query: {} });
    const pair = (a: string, b: string) =>
      queue.items.find(
        (i) => [i.left.displayName, i.right.displayName].sort().join(" / ") === [a, b].sort().join(" / "),
      );
    const kinds = (p: ReturnType<typeof pair>) => p?.reasons.map((r) => r.kind).sort();
    const kimGim = pair("Kim Sang Man", "Sang-Man Gim");
    expect(kinds(kimGim)).toEqual(["email_key", "name", "photo"]);
    expect(kimGim?.reasons.find((r) => r.kind === "email_key")?.detail).toContain("kimsangman+jobs@gmail.com");
    expect(kimGim!.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    const kimHangul = pair("Kim Sang Man", "김상만");
    expect(kinds(kimHangul)).toEqual(["name", "resume_text"]);
    expect(kimHangul!.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
    // The name alone would be capped below a likely match, but both are likely matches of Kim Sang Man.
    const names = pair("Sang-Man Gim", "김상만");
    expect(kinds(names)).toEqual(["common_match", "name"]);
    expect(names?.reasons.find((r) => r.kind === "common_match")?.detail).toContain("Kim Sang Man");
    expect(names!.score).toBeGreaterThanOrEqual(LIKELY_MATCH);
  }, 120_000);

  it("reminds of the demo accounts on published passwords until each is changed", async () => {
    expect(await demoAccountsOnPublishedPasswords()).toEqual(demoLogins.map((l) => l.email).sort());
    const admin = demoLogins.find((l) => l.role === "admin")!;
    await setPasswordAsOperator(admin.email, "an operator's own passphrase");
    expect(await demoAccountsOnPublishedPasswords()).not.toContain(admin.email);
    expect(await demoAccountsOnPublishedPasswords()).toHaveLength(demoLogins.length - 1);
  });

  it("does nothing when the database already has users", async () => {
    const before = (await db.select().from(cases)).length;
    const again = await seedDemo();
    expect(again).toEqual({ seeded: false, reason: expect.stringContaining("not empty") });
    expect((await db.select().from(cases)).length).toBe(before);
  });
});
