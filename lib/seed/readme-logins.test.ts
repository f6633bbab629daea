import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoLogins } from "./users";

describe("the README's demo logins", () => {
  it("are the ones the seed creates", () => {
    const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| (\w+) \| (\S+@example\.com) \| (\S+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(demoLogins.map((l) => [l.role, l.email, l.password]));
  });
});
