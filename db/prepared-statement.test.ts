import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, preparedStatement } from "@/db";

describe("preparedStatement", () => {
  const echo = preparedStatement((db) =>
    db
      .select({ value: sql<string>`${sql.placeholder("value")}::text` })
      .from(sql`(select 1) as one`)
      .prepare("echo_value"),
  );

  it("builds the statement once, fills its values on each call, and builds it again after the database is reopened", async () => {
    const first = echo();
    expect(echo()).toBe(first);
    await expect(first.execute({ value: "a" })).resolves.toEqual([{ value: "a" }]);
    await expect(echo().execute({ value: "b" })).resolves.toEqual([{ value: "b" }]);
    await closeDb();
    const reopened = echo();
    expect(reopened).not.toBe(first);
    await expect(reopened.execute({ value: "c" })).resolves.toEqual([{ value: "c" }]);
  });
});
