import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { caseVisibleTo, visibilityShape, visibleCaseIds } from "./access";

// Prepared statements are named after visibilityShape: two actors with one shape must get one SQL
// text from the rule, and two shapes two texts, or a named statement would meet two texts.
const dialect = new PgDialect({ casing: "snake_case" });
const text = (actor: Actor) => {
  const rule = caseVisibleTo(actor);
  const ids = visibleCaseIds(actor);
  return `${rule ? dialect.sqlToQuery(rule).sql : "-"} | ${ids ? dialect.sqlToQuery(ids).sql : "-"}`;
};
const actor = (role: Actor["role"], n: number): Actor => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  role,
  name: role,
  email: `${role}${n}@example.test`,
  via: "session",
});

describe("visibilityShape", () => {
  it("names exactly the distinct SQL texts of the visibility rule", () => {
    const actors = (["admin", "manager", "investigator", "legal"] as const).flatMap((role) => [
      actor(role, 1),
      actor(role, 2),
    ]);
    for (const a of actors) {
      for (const b of actors) {
        expect(
          visibilityShape(a) === visibilityShape(b),
          `${a.role}#${a.id.slice(-1)} vs ${b.role}#${b.id.slice(-1)}`,
        ).toBe(text(a) === text(b));
      }
    }
  });
});
