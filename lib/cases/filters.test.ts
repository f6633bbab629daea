import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord, walkCase } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { listCases } from "./list-cases";
import type { CaseListQuery } from "./schema";

/*
 * Four cases sharing a unique tag. Every sortable column orders them differently, so a sort
 * on the wrong column, or in the wrong direction, gives a visibly different order.
 */
let admin: Actor;
let charlie: Actor;
let tag: string;
let tag2: string;
let w: string;
const ids: string[] = [];

beforeAll(async () => {
  w = uniqueWord("");
  tag = uniqueWord("flt");
  tag2 = uniqueWord("flt");
  admin = await makeActor("admin", `Alpha lead ${w}`);
  const bravo = await makeActor("investigator", `Bravo lead ${w}`);
  charlie = await makeActor("investigator", `Charlie lead ${w}`);
  const delta = await makeActor("investigator", `Delta lead ${w}`);

  const specs = [
    {
      title: `Bravo ${w}`,
      severity: "high",
      leadId: charlie.id,
      dueDate: "2020-06-01",
      tags: [tag, tag2],
      subject: { team: `Web Platform ${w}`, hiringChannel: "Upwork" },
      walk: ["investigating", "contained"],
    },
    {
      title: `Delta ${w}`,
      severity: "critical",
      leadId: bravo.id,
      dueDate: "2099-01-01",
      tags: [tag, tag2],
      subject: { team: `web platform ${w}`, hiringChannel: "Vendor A" },
      walk: [],
    },
    {
      title: `Alpha ${w}`,
      severity: "low",
      leadId: delta.id,
      dueDate: "2020-03-01",
      tags: [tag],
      subject: { team: `Web Platform ${w} EU`, hiringChannel: "upwork" },
      walk: ["investigating", "contained", "closed"],
    },
    {
      title: `Charlie ${w}`,
      severity: "medium",
      leadId: undefined,
      dueDate: null,
      tags: [tag],
      subject: {},
      walk: ["investigating"],
    },
  ] as const;
  const opened = ["2021-01-10T09:00:00Z", "2021-02-15T09:00:00Z", "2021-01-20T09:00:00Z", "2021-02-01T18:00:00Z"];
  const updated = ["2022-01-04T00:00:00Z", "2022-01-03T00:00:00Z", "2022-01-02T00:00:00Z", "2022-01-01T00:00:00Z"];
  // Created one after another so their references ascend in this order.
  for (const [i, { walk, ...input }] of specs.entries()) {
    const c = await makeCase(admin, { ...input, tags: [...input.tags], subject: { ...input.subject } });
    if (walk.length) await walkCase(admin, c.id, [...walk]);
    // Opening and update times cannot be chosen through the API; set them so the order is known.
    await db
      .update(cases)
      .set({ openedAt: new Date(opened[i] ?? ""), updatedAt: new Date(updated[i] ?? "") })
      .where(eq(cases.id, c.id));
    ids.push(c.id);
  }
});

/** Which of our cases (1-based, as created) a query returns, in order. */
async function which(query: CaseListQuery, actor: Actor = admin): Promise<number[]> {
  const list = await listCases({ actor, query: { tag, ...query } });
  return list.items.map((c) => ids.indexOf(c.id) + 1);
}

describe("case list filters", () => {
  it("combines status and severity (each is an any-of list, together they must both hold)", async () => {
    expect(await which({ status: ["triage", "contained"], sort: "ref" })).toEqual([1, 2]);
    expect(await which({ severity: ["high", "low"], sort: "ref" })).toEqual([1, 3]);
    expect(await which({ status: ["triage", "contained"], severity: ["high", "low"] })).toEqual([1]);
    // The API form: comma-separated strings.
    expect(await which({ status: "triage,contained", severity: "high,low" })).toEqual([1]);
  });

  it("filters by lead, including lead=me", async () => {
    expect(await which({ lead: "me" })).toEqual([4]);
    expect(await which({ lead: "me" }, charlie)).toEqual([1]);
    expect(await which({ lead: charlie.id })).toEqual([1]);
  });

  it("filters by tag, ignoring case", async () => {
    const list = await listCases({ actor: admin, query: { tag: tag2.toUpperCase(), sort: "ref" } });
    expect(list.items.map((c) => ids.indexOf(c.id) + 1)).toEqual([1, 2]);
    expect(list.total).toBe(2);
  });

  it("filters by the subject's team and hiring channel, exactly but ignoring case (as the dashboard does)", async () => {
    const team = `WEB PLATFORM ${w}`;
    expect(await which({ team, sort: "ref" })).toEqual([1, 2]);
    expect(await which({ channel: "UPWORK", sort: "ref" })).toEqual([1, 3]);
    expect(await which({ team, channel: "upwork" })).toEqual([1]);
    expect(await which({ team: "Web Platform", sort: "ref" })).toEqual([]);
    expect(await which({ team: "  ", sort: "ref" })).toEqual([1, 2, 3, 4]);
  });

  it("overdue means a past due date on an open case", async () => {
    expect(await which({ overdue: true })).toEqual([1]);
    expect(await which({ overdue: "true" })).toEqual([1]);
    expect(await which({ overdue: false, sort: "ref" })).toEqual([2, 3, 4]);
    const list = await listCases({ actor: admin, query: { tag, sort: "ref" } });
    expect(list.items.map((c) => c.overdue)).toEqual([true, false, false, false]);
  });

  it("filters by opening date, with the 'to' day included whole", async () => {
    expect(await which({ openedFrom: "2021-01-15", openedTo: "2021-02-01", sort: "openedAt" })).toEqual([3, 4]);
    expect(await which({ openedFrom: "2021-02-01", sort: "openedAt" })).toEqual([4, 2]);
    expect(await which({ openedTo: "2021-01-10" })).toEqual([1]);
    expect(await which({ openedFrom: "2021-03-01" })).toEqual([]);
  });

  const ascending: Record<string, number[]> = {
    ref: [1, 2, 3, 4],
    title: [3, 1, 4, 2],
    status: [2, 4, 1, 3],
    severity: [3, 4, 1, 2],
    lead: [4, 2, 1, 3],
    openedAt: [1, 3, 4, 2],
    updatedAt: [4, 3, 2, 1],
  };
  it.each(Object.entries(ascending))("sorts by %s both ways", async (column, order) => {
    expect(await which({ sort: column })).toEqual(order);
    expect(await which({ sort: `-${column}` })).toEqual([...order].reverse());
  });

  it("sorts by due date both ways, cases without one last", async () => {
    expect(await which({ sort: "dueDate" })).toEqual([3, 1, 2, 4]);
    expect(await which({ sort: "-dueDate" })).toEqual([2, 1, 3, 4]);
  });

  it("sorts newest opened first by default", async () => {
    expect(await which({})).toEqual([2, 4, 3, 1]);
  });

  it("pages with a total of every match", async () => {
    const page2 = await listCases({ actor: admin, query: { tag, sort: "ref", page: 2, pageSize: 2 } });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page2.items.map((c) => ids.indexOf(c.id) + 1)).toEqual([3, 4]);
    const page3 = await listCases({ actor: admin, query: { tag, sort: "ref", page: 3, pageSize: 2 } });
    expect(page3).toMatchObject({ total: 4, items: [] });
  });

  it("counts up to the cap and then says there are more, still listing every page", async () => {
    const exact = await listCases({ actor: admin, query: { tag, sort: "ref" }, countCap: 4 });
    expect(exact).toMatchObject({ total: 4, totalCapped: false });
    const capped = await listCases({ actor: admin, query: { tag, sort: "ref", pageSize: 2, page: 2 }, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.items.map((c) => ids.indexOf(c.id) + 1)).toEqual([3, 4]);
    expect(await listCases({ actor: admin, query: { tag } })).toMatchObject({ total: 4, totalCapped: false });
  });

  it("rejects unknown sorts and oversized pages", async () => {
    await expect(listCases({ actor: admin, query: { sort: "password" } })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(listCases({ actor: admin, query: { pageSize: 10_000 } })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
