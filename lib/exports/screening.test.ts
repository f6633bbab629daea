import "@/lib/testing/evidence";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { sanctionsLists } from "@/db/schema";
import { eq } from "drizzle-orm";
import { dismissHit } from "@/lib/sanctions/dismiss-hit";
import { makeCase } from "@/lib/testing/cases";
import { exportAndWait, run, unzipPack } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { importSdn, sdnEntry } from "@/lib/testing/sanctions";
import { stixBundleValidator } from "@/lib/testing/stix";

vi.hoisted(() => {
  delete process.env.TSA_URL;
});

const flat = (s: string) => s.replace(/\s+/g, "");
const reason = "Born 1994 per passport scan; the listed man was born 1961";
const walletEntry = sdnEntry({ wallet: uniqueValue.wallet() });
const nameEntry = sdnEntry();
let dir: string;
let listSha: string;
let listId: string;

beforeAll(async () => {
  const lead = await makeActor("investigator", "Screening Lead");
  listId = await importSdn([walletEntry, nameEntry]);
  listSha = (await db.select().from(sanctionsLists).where(eq(sanctionsLists.id, listId)))[0]!.sha256;
  const c = await makeCase(lead);
  const payee = await makePersona(lead, { caseId: c.id, displayName: "Payroll payee" });
  await giveIdentifier(lead, payee.id, { type: "crypto_wallet", value: walletEntry.wallet! });
  const namesake = await makePersona(lead, { caseId: c.id, displayName: nameEntry.personaName });
  await dismissHit({
    actor: lead,
    personaId: namesake.id,
    input: { source: "ofac_sdn_csv", entNum: nameEntry.entNum, reason },
  });
  const pack = await exportAndWait(lead, c.id);
  expect(pack.status).toBe("done");
  dir = unzipPack(pack.file);
}, 120_000);

describe("sanctions screening in a pack", () => {
  it("is in the manifest: the list version with its SHA-256 and each hit with its decision", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    // Other test files import lists into the same database: this one's version is among the current ones.
    expect(manifest.sanctionsScreening.lists).toContainEqual(expect.objectContaining({ id: listId, sha256: listSha }));
    const hits = manifest.sanctionsScreening.hits;
    expect(hits).toHaveLength(2);
    expect(hits).toContainEqual(
      expect.objectContaining({
        entry: expect.objectContaining({ entNum: walletEntry.entNum }),
        matched: [{ kind: "wallet", value: walletEntry.wallet }],
        score: 100,
        status: "open",
        listVersion: expect.objectContaining({ id: listId, sha256: listSha }),
      }),
    );
    expect(hits).toContainEqual(
      expect.objectContaining({
        entry: expect.objectContaining({ entNum: nameEntry.entNum }),
        status: "dismissed",
        dismissal: expect.objectContaining({ reason, by: "Screening Lead" }),
      }),
    );
  });

  it("has a screening section in the report with the list version, the hits and their decisions", () => {
    const text = run("pdftotext", [path.join(dir, "report.pdf"), "-"]).stdout;
    const section = flat(text.slice(text.indexOf("Sanctions screening")));
    expect(section).toContain(listSha);
    expect(section).toContain(flat(walletEntry.name));
    expect(section).toContain(flat(nameEntry.name));
    // The wallet wraps inside its cell, so pdftotext interleaves it with the next column.
    expect(section).toContain(`wallet:`);
    expect(section).toContain(walletEntry.wallet!.slice(0, 20));
    expect(section).toContain(flat(`Dismissed as a false positive by Screening Lead`));
    expect(section).toContain(flat(reason));
  });

  it("gives STIX a sighting of each listed entry, which validates against the official schemas", () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(dir, "stix/bundle.json"), "utf8"));
    const validate = stixBundleValidator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const sightings = bundle.objects.filter((o: { type: string }) => o.type === "sighting");
    expect(sightings).toHaveLength(2);
    const byId = new Map(bundle.objects.map((o: { id: string }) => [o.id, o]));
    for (const s of sightings) {
      expect(byId.get(s.sighting_of_ref)).toMatchObject({ type: "identity", identity_class: "individual" });
      expect(s.description).toContain(listSha);
    }
    const listed = sightings.map(
      (s: { sighting_of_ref: string }) => byId.get(s.sighting_of_ref) as { external_references: unknown[] },
    );
    expect(listed.flatMap((l: { external_references: unknown[] }) => l.external_references)).toContainEqual({
      source_name: "OFAC SDN (CSV)",
      external_id: walletEntry.entNum,
    });
    expect(sightings.find((s: { confidence: number }) => s.confidence === 100).description).toContain("Open.");
  });
});
