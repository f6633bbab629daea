import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeCase } from "@/lib/testing/cases";
import { exportAndWait, unzipPack } from "@/lib/testing/exports";
import { makePersona } from "@/lib/testing/personas";
import { call, type Who, who } from "@/lib/testing/routes";
import * as identifiersRoute from "./[id]/identifiers/route";
import * as personaRoute from "./[id]/route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

// Two investigators record the same payment account on personas of unrelated cases, each with
// their own notes on it. What one says must never reach the other: not in the answer to their
// own add, not on their persona, not in their evidence pack.
describe("what a person says about an identifier stays on their claim", () => {
  let alpha: Who;
  let bravo: Who;
  const account = `payoneer:holder-${Date.now()}@example.test`;
  let alphaPersona: string;
  let bravoPersona: string;
  let alphaCase: string;
  let bravoCase: string;

  beforeAll(async () => {
    [alpha, bravo] = await Promise.all([who("investigator"), who("investigator")]);
    alphaCase = (await makeCase(alpha.actor)).id;
    bravoCase = (await makeCase(bravo.actor)).id;
    alphaPersona = (await makePersona(alpha.actor, { caseId: alphaCase })).id;
    bravoPersona = (await makePersona(bravo.actor, { caseId: bravoCase })).id;
  });

  const add = (caller: Who, personaId: string, attributes: Record<string, string>) =>
    call(
      identifiersRoute.POST,
      "POST",
      `/api/personas/${personaId}/identifiers`,
      caller,
      { type: "payment_account", value: account, attributes },
      { id: personaId },
    );
  const read = (caller: Who, personaId: string) =>
    call(personaRoute.GET, "GET", `/api/personas/${personaId}`, caller, undefined, { id: personaId });
  const claimOf = (body: Record<string, unknown>) =>
    (
      body.identifiers as {
        normalizedValue: string;
        attributes: Record<string, string>;
        claimAttributes: Record<string, string>;
      }[]
    ).find((i) => i.normalizedValue === account);

  it("answers each investigator with their own attributes only, in both directions", async () => {
    const first = await add(alpha, alphaPersona, { holderName: "Alpha Holder", source: "alpha informant" });
    expect(first.status).toBe(201);
    expect(first.body.claimAttributes).toEqual({ holderName: "Alpha Holder", source: "alpha informant" });
    // The shared row keeps only what the value itself says.
    expect(first.body.attributes).toEqual({ platform: "payoneer" });

    const second = await add(bravo, bravoPersona, { holderName: "Bravo Holder", planted: "by bravo" });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.claimAttributes).toEqual({ holderName: "Bravo Holder", planted: "by bravo" });
    expect(JSON.stringify(second.body)).not.toContain("Alpha");
    expect(JSON.stringify(second.body)).not.toContain("alpha informant");

    const alphaView = await read(alpha, alphaPersona);
    expect(claimOf(alphaView.body)?.claimAttributes).toEqual({ holderName: "Alpha Holder", source: "alpha informant" });
    expect(JSON.stringify(alphaView.body)).not.toMatch(/Bravo Holder|by bravo/);

    const bravoView = await read(bravo, bravoPersona);
    expect(claimOf(bravoView.body)?.claimAttributes).toEqual({ holderName: "Bravo Holder", planted: "by bravo" });
    expect(JSON.stringify(bravoView.body)).not.toMatch(/Alpha Holder|alpha informant/);
  });

  it("signs only the pack builder's own claims into the manifest, in both directions", async () => {
    const manifestOf = async (caller: Who, caseId: string) => {
      const pack = await exportAndWait(caller.actor, caseId);
      expect(pack.status).toBe("done");
      return fs.readFileSync(path.join(unzipPack(pack.file), "manifest.json"), "utf8");
    };
    const alphaManifest = await manifestOf(alpha, alphaCase);
    expect(alphaManifest).toContain("Alpha Holder");
    expect(alphaManifest).not.toMatch(/Bravo Holder|by bravo/);
    const bravoManifest = await manifestOf(bravo, bravoCase);
    expect(bravoManifest).toContain("Bravo Holder");
    expect(bravoManifest).not.toMatch(/Alpha Holder|alpha informant/);
  });
});
