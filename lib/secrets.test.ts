import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataFolderSecret } from "./secrets";

describe("dataFolderSecret", () => {
  it("creates the secret once, private to the owner, and reads it back ever after", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "casework-secret-")), "nested");
    let made = 0;
    const create = () => `secret-${++made}\n`;
    expect(dataFolderSecret("k", create, dir)).toBe("secret-1\n");
    expect(dataFolderSecret("k", create, dir)).toBe("secret-1\n");
    expect(made).toBe(1);
    expect(fs.statSync(path.join(dir, "k")).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(["k"]);
  });

  it("keeps a secret someone else wrote first", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-secret-"));
    fs.writeFileSync(path.join(dir, "k"), "theirs");
    expect(dataFolderSecret("k", () => "mine", dir)).toBe("theirs");
  });
});
