import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { nameKeyCounts, personaNameKeys, personas } from "@/db/schema";
import { uniqueWord } from "@/lib/testing/cases";
import { makeActor } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { nameKey } from "./names";
import { COMMON_NAME, scoreCandidates } from "./score-candidates";
import { writeNameKeys } from "./store-candidates";

type Count = { key: string; holders: number };

describe("common names", () => {
  it("bring no candidates of their own past COMMON_NAME holders, but still count beside other evidence", async () => {
    const actor = await makeActor("investigator");
    const name = `Kim Min ${uniqueWord("n").replace(/[^a-z]/g, "")}`;
    // COMMON_NAME + 1 namesakes, written straight to the tables (the matching job writes their keys).
    const rows = await db
      .insert(personas)
      .values(Array.from({ length: COMMON_NAME + 1 }, () => ({ displayName: name })))
      .returning({ id: personas.id });
    await db.transaction((tx) =>
      writeNameKeys(
        tx,
        rows.map((r) => r.id),
      ),
    );
    const [count] = await queryRows<Count>(
      db,
      sql`select key, holders from ${nameKeyCounts} where key = ${nameKey(name)}`,
    );
    expect(count).toEqual({ key: nameKey(name), holders: COMMON_NAME + 1 });

    const a = await makePersona(actor, { displayName: name });
    const b = await makePersona(actor, { displayName: name });
    await db.transaction((tx) => writeNameKeys(tx, [a.id, b.id]));
    expect([...(await scoreCandidates(db, a.id)).keys()]).toEqual([]);

    const phone = uniqueValue.phone();
    await giveIdentifier(actor, a.id, { type: "phone", value: phone });
    await giveIdentifier(actor, b.id, { type: "phone", value: phone });
    const pair = (await scoreCandidates(db, a.id)).get(b.id);
    expect(pair?.reasons.map((r) => r.kind).sort()).toEqual(["name", "phone"]);
    expect(pair?.reasons.find((r) => r.kind === "name")!.weight).toBeLessThan(0.1);

    const keysOf = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${personaNameKeys} where key = ${nameKey(name)}`,
    );
    expect(keysOf[0]!.n).toBe(COMMON_NAME + 3);
  });

  it("writeNameKeys keeps a persona's keys and their counts in step with its names, touching only what changed", async () => {
    const word = () => uniqueWord("k").replace(/[^a-z]/g, "");
    const [first, second, third] = [`Lee ${word()}`, `Park ${word()}`, `Choi ${word()}`];
    const [p] = await db
      .insert(personas)
      .values({ displayName: first, aliases: [second] })
      .returning({ id: personas.id });
    const state = async () => ({
      keys: (
        await queryRows<{ key: string }>(
          db,
          sql`select key from ${personaNameKeys} where persona_id = ${p!.id} order by key`,
        )
      ).map((r) => r.key),
      counts: await queryRows<Count>(
        db,
        sql`select key, holders from ${nameKeyCounts} where key = any(${`{${[first, second, third].map((n) => `"${nameKey(n)}"`).join(",")}}`}::text[]) order by key`,
      ),
    });
    const write = () => db.transaction((tx) => writeNameKeys(tx, [p!.id]));
    await write();
    const once = await state();
    expect(once.keys).toEqual([nameKey(first), nameKey(second)].sort());
    expect(once.counts).toEqual(once.keys.map((key) => ({ key, holders: 1 })));
    // Unchanged names: the same rows, the same counts, not rewritten (the same row versions).
    const versions = () =>
      queryRows<{ v: string }>(
        db,
        sql`select xmin::text as v from ${personaNameKeys} where persona_id = ${p!.id}
            union all select xmin::text from ${nameKeyCounts} where key = ${nameKey(first)} order by v`,
      );
    const before = await versions();
    await write();
    expect(await state()).toEqual(once);
    expect(await versions()).toEqual(before);
    // An alias replaced: its key and count go, the new one comes, the display name's key stays.
    await db
      .update(personas)
      .set({ aliases: [third, first] })
      .where(eq(personas.id, p!.id));
    await write();
    const after = await state();
    expect(after.keys).toEqual([nameKey(first), nameKey(third)].sort());
    expect(after.counts).toEqual(after.keys.map((key) => ({ key, holders: 1 })));
  });
});
