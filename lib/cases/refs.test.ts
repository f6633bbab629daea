import { like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKind, db } from "@/db";
import { cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { getCase } from "./get-case";
import { listCases } from "./list-cases";

let actor: Actor;

beforeAll(async () => {
  actor = await makeActor("investigator");
});

const refNumber = (ref: string) => Number(ref.split("-")[2]);

describe("case references", () => {
  it("have the form CASE-<year>-NNNN", async () => {
    const c = await makeCase(actor);
    expect(c.ref).toMatch(new RegExp(`^CASE-${new Date().getUTCFullYear()}-\\d{4,}$`));
    expect((await getCase({ actor, caseId: c.id })).ref).toBe(c.ref);
  });

  it("gives 50 parallel creations 50 distinct references with no gaps", async () => {
    const tag = uniqueWord("ref");
    const year = new Date().getUTCFullYear();
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => makeCase(actor, { title: `Parallel ${i}`, tags: [tag] })),
    );
    const refs = created.map((c) => c.ref);
    expect(new Set(refs).size).toBe(50);
    for (const ref of refs) expect(ref).toMatch(new RegExp(`^CASE-${year}-\\d{4,}$`));

    // What was returned is what was stored.
    const listed = await listCases({ actor, query: { tag, pageSize: 100 } });
    expect(listed.total).toBe(50);
    expect(listed.items.map((c) => c.ref).sort()).toEqual([...refs].sort());

    // No number was skipped: every number between our lowest and highest belongs to a stored case.
    // Other test files may create cases meanwhile on a shared PostgreSQL, so theirs may sit in between.
    const numbers = refs.map(refNumber).sort((a, b) => a - b);
    const low = numbers[0] ?? 0;
    const high = numbers.at(-1) ?? 0;
    const stored = new Set(
      (
        await db
          .select({ ref: cases.ref })
          .from(cases)
          .where(like(cases.ref, `CASE-${year}-%`))
      ).map((r) => refNumber(r.ref)),
    );
    const missing = Array.from({ length: high - low + 1 }, (_, i) => low + i).filter((n) => !stored.has(n));
    expect(missing).toEqual([]);

    if (databaseKind() === "pglite") {
      // This file has its database to itself: the 50 numbers form one contiguous run.
      expect(high - low).toBe(49);
      const next = await makeCase(actor);
      expect(refNumber(next.ref)).toBe(high + 1);
    }
  });

  it("never reuses a reference after a failed creation", async () => {
    const before = await makeCase(actor);
    // A lead who is not an eligible user fails the creation inside its transaction.
    await expect(makeCase(actor, { leadId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "bad_request",
    });
    const after = await makeCase(actor);
    expect(refNumber(after.ref)).toBeGreaterThan(refNumber(before.ref));
    if (databaseKind() === "pglite") expect(refNumber(after.ref)).toBe(refNumber(before.ref) + 1);
  });
});
