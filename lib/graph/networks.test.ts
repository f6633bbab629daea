import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addMember } from "@/lib/cases/add-member";
import { removeMember } from "@/lib/cases/remove-member";
import { createLink } from "@/lib/personas/create-link";
import { makeActor } from "@/lib/testing/factories";
import { buildHandGraph, type HandBuiltGraph } from "@/lib/testing/graph";
import { listNetworks } from "./networks";

let g: HandBuiltGraph;
let manager: Actor;

beforeAll(async () => {
  g = await buildHandGraph();
  manager = await makeActor("manager");
});

// Other test files share the database: look only at the networks holding this file's personas.
async function networkOf(actor: Actor, personaId: string) {
  const list = await listNetworks({ actor, query: { personaId } });
  return list.items[0] ?? null;
}
const names = (n: { members: { displayName: string }[] } | null) => n?.members.map((m) => m.displayName).sort();

describe("networks", () => {
  it("joins personas by shared identifiers and confirmed links, within what the actor may see", async () => {
    const network = await networkOf(g.lead, g.p.A.id);
    expect(network).toMatchObject({ size: 4 });
    expect(names(network)).toEqual(["Graph A", "Graph B", "Graph C", "Graph D"]);
    for (const p of [g.p.B, g.p.C, g.p.D]) expect((await networkOf(g.lead, p.id))?.id).toBe(network?.id);
    // F has only a rejected link; G's only tie runs through a persona in a case the lead cannot see.
    expect(await networkOf(g.lead, g.p.F.id)).toBeNull();
    expect(await networkOf(g.lead, g.p.G.id)).toBeNull();
  });

  it("for someone who sees every case, the hidden persona bridges the two groups", async () => {
    const network = await networkOf(manager, g.p.A.id);
    expect(network).toMatchObject({ size: 6 });
    expect((await networkOf(manager, g.p.G.id))?.id).toBe(network?.id);
  });

  it("lists networks largest first and follows a new link at once", async () => {
    const before = await listNetworks({ actor: g.lead, query: { pageSize: 100 } });
    const sizes = before.items.map((n) => n.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    await createLink({
      actor: g.lead,
      input: { fromPersonaId: g.p.F.id, toPersonaId: g.p.A.id, relation: "associated" },
    });
    expect(await networkOf(g.lead, g.p.F.id)).toMatchObject({ size: 5 });
  });

  it("stops showing a case's personas to someone removed from it at once, not when the cache expires", async () => {
    const member = await makeActor("investigator", "Network Member");
    await addMember({ actor: g.lead, caseId: g.caseId, input: { userId: member.id } });
    expect(names(await networkOf(member, g.p.A.id))).toContain("Graph A");
    await removeMember({ actor: g.lead, caseId: g.caseId, userId: member.id });
    expect(await networkOf(member, g.p.A.id)).toBeNull();
    const all = await listNetworks({ actor: member, query: { pageSize: 100 } });
    expect(JSON.stringify(all)).not.toContain("Graph A");
  });
});
