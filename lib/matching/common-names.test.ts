import { sql } from "drizzle-orm";
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
});
