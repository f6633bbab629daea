import { beforeAll, describe, expect, it } from "vitest";
import { makeActor } from "@/lib/testing/factories";
import { buildHandGraph, type HandBuiltGraph } from "@/lib/testing/graph";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { identifiers } from "@/db/schema";
import { makeCase } from "@/lib/testing/cases";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { buildGraph } from "./build";
import { caseGraph, personaGraph } from "./graph";
import type { GraphView } from "./views";

let g: HandBuiltGraph;

beforeAll(async () => {
  g = await buildHandGraph();
});

const personasOf = (view: GraphView) =>
  view.nodes
    .filter((n) => n.kind === "persona")
    .map((n) => n.label)
    .sort();
const identifiersOf = (view: GraphView) =>
  view.nodes
    .filter((n) => n.kind === "identifier")
    .map((n) => (n.kind === "identifier" ? n.identifierId : ""))
    .sort();
const edgesOf = (view: GraphView) => {
  const name = new Map(
    view.nodes.map((n) => [
      n.id,
      n.kind === "persona" ? n.label.replace("Graph ", "") : n.kind === "identifier" ? n.identifierType : "",
    ]),
  );
  return view.edges
    .map((e) => `${name.get(e.source)}-${e.kind === "link" ? e.relation : ""}-${name.get(e.target)}`)
    .sort();
};

describe("persona graph", () => {
  it("depth 1: the persona, its identifiers and the visible personas sharing them", async () => {
    const view = await personaGraph({ actor: g.lead, personaId: g.p.A.id, query: { depth: 1 } });
    expect(personasOf(view)).toEqual(["Graph A", "Graph B"]);
    expect(identifiersOf(view)).toEqual([g.i.phone, g.i.device].sort());
    expect(edgesOf(view)).toEqual(["A--device", "A--phone", "B--phone"]);
    const phone = view.nodes.find((n) => n.id === `i:${g.i.phone}`);
    expect(phone).toMatchObject({ hiddenHolders: 1 });
    expect(view.nodes.find((n) => n.id === `p:${g.p.B.id}`)).toMatchObject({ depth: 1, expanded: false });
    expect(view.truncated).toBe(false);
  });

  it("depth 2 adds the next ring, never passing through a persona the actor cannot see", async () => {
    const view = await personaGraph({ actor: g.lead, personaId: g.p.A.id, query: { depth: 2 } });
    expect(personasOf(view)).toEqual(["Graph A", "Graph B", "Graph C"]);
    expect(identifiersOf(view)).toEqual([g.i.phone, g.i.device, g.i.wallet].sort());
    expect(edgesOf(view)).toEqual(["A--device", "A--phone", "B--phone", "B--crypto_wallet", "C--crypto_wallet"].sort());
    expect(JSON.stringify(view)).not.toContain(g.p.H.id);
  });

  it("depth 3 follows confirmed links but not rejected ones", async () => {
    const view = await personaGraph({ actor: g.lead, personaId: g.p.A.id, query: { depth: 3 } });
    expect(personasOf(view)).toEqual(["Graph A", "Graph B", "Graph C", "Graph D"]);
    expect(identifiersOf(view)).toEqual([g.i.phone, g.i.device, g.i.wallet].sort());
    expect(edgesOf(view)).toEqual(
      ["A--device", "A--phone", "B--phone", "B--crypto_wallet", "C--crypto_wallet", "C-operated_by-D"].sort(),
    );
  });

  it("someone who sees every case gets the path through the other case", async () => {
    const manager = await makeActor("manager");
    const view = await personaGraph({ actor: manager, personaId: g.p.A.id, query: { depth: 2 } });
    expect(personasOf(view)).toEqual(["Graph A", "Graph B", "Graph C", "Graph G", "Graph H"]);
    expect(view.nodes.find((n) => n.id === `i:${g.i.phone}`)).toMatchObject({ hiddenHolders: 0 });
  });

  it.each([0, 4, 10, "two"])("refuses depth %j with a 400 naming the allowed depths", async (depth) => {
    await expect(
      personaGraph({ actor: g.lead, personaId: g.p.A.id, query: { depth: depth as number } }),
    ).rejects.toMatchObject({
      code: "bad_request",
      details: [expect.objectContaining({ path: "depth", message: expect.stringContaining("1, 2 or 3") })],
    });
  });

  it("answers not_found for a persona the actor cannot see", async () => {
    await expect(personaGraph({ actor: g.lead, personaId: g.p.H.id, query: {} })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("an identifier held by many personas", () => {
  it("shows its most confident holders up to the limit and counts the rest on the node", async () => {
    const lead = await makeActor("investigator", "Hub Lead");
    const theCase = await makeCase(lead);
    const farm = uniqueValue.device();
    const seed = await makePersona(lead, { caseId: theCase.id, displayName: "Hub seed" });
    const farmId = (await giveIdentifier(lead, seed.id, { type: "device", value: farm })).id;
    const confidences = [90, 80, 70, 60, 50];
    for (const confidence of confidences) {
      const p = await makePersona(lead, { caseId: theCase.id, displayName: `Hub holder ${confidence}` });
      await giveIdentifier(lead, p.id, { type: "device", value: farm, confidence });
    }
    const view = await buildGraph(db, lead, [seed.id], { depth: 1, maxHolders: 3 });
    expect(personasOf(view)).toEqual(["Hub holder 70", "Hub holder 80", "Hub holder 90", "Hub seed"]);
    expect(view.nodes.find((n) => n.id === `i:${farmId}`)).toMatchObject({ moreHolders: 2, hiddenHolders: 0 });
    const all = await buildGraph(db, lead, [seed.id], { depth: 1 });
    expect(personasOf(all)).toHaveLength(6);
    expect(all.nodes.find((n) => n.id === `i:${farmId}`)).toMatchObject({ moreHolders: 0 });
  });

  it("counts on each identifier the holders a full view has no room for", async () => {
    const lead = await makeActor("investigator", "Full Lead");
    const theCase = await makeCase(lead);
    const seed = await makePersona(lead, { caseId: theCase.id, displayName: "Full seed" });
    const phone = uniqueValue.phone();
    const phoneId = (await giveIdentifier(lead, seed.id, { type: "phone", value: phone })).id;
    const deviceId = (await giveIdentifier(lead, seed.id, { type: "device", value: uniqueValue.device() })).id;
    for (const [name, confidence] of [
      ["Full first", 90],
      ["Full second", 50],
    ] as const) {
      const p = await makePersona(lead, { caseId: theCase.id, displayName: name });
      await giveIdentifier(lead, p.id, { type: "phone", value: phone, confidence });
    }
    const node = (view: GraphView, id: string) => view.nodes.find((n) => n.id === `i:${id}`);

    // The seed and its two identifiers fill a view of three: neither holder enters, both are counted.
    const full = await buildGraph(db, lead, [seed.id], { depth: 1, maxNodes: 3 });
    expect(personasOf(full)).toEqual(["Full seed"]);
    expect(full.truncated).toBe(true);
    expect(node(full, phoneId)).toMatchObject({ moreHolders: 2, hiddenHolders: 0 });
    expect(node(full, deviceId)).toMatchObject({ moreHolders: 0 });

    // Room for one more: the most confident holder enters, the other is counted.
    const one = await buildGraph(db, lead, [seed.id], { depth: 1, maxNodes: 4 });
    expect(personasOf(one)).toEqual(["Full first", "Full seed"]);
    expect(node(one, phoneId)).toMatchObject({ moreHolders: 1 });
    expect(edgesOf(one)).toContain("Full first--phone");
  });
});

describe("case graph", () => {
  it("shows the case's personas and their shared identifiers, marking who is in the case", async () => {
    const view = await caseGraph({ actor: g.lead, caseId: g.caseId });
    expect(personasOf(view)).toEqual(["Graph A", "Graph B", "Graph C", "Graph D", "Graph F", "Graph G"]);
    expect(view.nodes.filter((n) => n.kind === "persona").every((n) => n.kind === "persona" && n.inCase)).toBe(true);
    expect(edgesOf(view)).toContain("C-operated_by-D");
    expect(edgesOf(view)).not.toContain("F--D");
    await expect(caseGraph({ actor: g.otherLead, caseId: g.caseId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("adds, one hop out, a visible persona of another case, marked as not in this case", async () => {
    const elsewhere = await makeCase(g.lead);
    const outside = await makePersona(g.lead, { caseId: elsewhere.id, displayName: "Graph Outside" });
    const [device] = await db
      .select({ value: identifiers.value })
      .from(identifiers)
      .where(eq(identifiers.id, g.i.device));
    await giveIdentifier(g.lead, outside.id, { type: "device", value: device!.value });
    const view = await caseGraph({ actor: g.lead, caseId: g.caseId });
    expect(view.nodes.find((n) => n.id === `p:${outside.id}`)).toMatchObject({ inCase: false, depth: 1 });
    expect(view.nodes.find((n) => n.id === `p:${g.p.A.id}`)).toMatchObject({ inCase: true, depth: 0 });
    expect(edgesOf(view)).toContain("Outside--device");
    expect(identifiersOf(view)).toEqual(expect.arrayContaining([g.i.phone, g.i.device, g.i.wallet, g.i.email]));
  });
});
