import { describe, expect, it } from "vitest";
import { UsageError } from "../support/errors";
import { parseCommand, usage } from "./args";

describe("verify-pack on the command line", () => {
  it("takes exactly one file", () => {
    expect(parseCommand(["verify-pack", "/tmp/CASE-2026-0042_20260314T101500Z.zip"])).toEqual({
      kind: "verify-pack",
      file: "/tmp/CASE-2026-0042_20260314T101500Z.zip",
    });
    expect(parseCommand(["verify-pack", "--", "-odd-name.zip"])).toEqual({
      kind: "verify-pack",
      file: "-odd-name.zip",
    });
    expect(parseCommand(["verify-pack", "--help"])).toEqual({ kind: "help" });
    expect(() => parseCommand(["verify-pack"])).toThrow(UsageError);
    expect(() => parseCommand(["verify-pack", "a.zip", "b.zip"])).toThrow(/exactly one file/);
    expect(usage).toContain("verify-pack <file.zip>");
  });
});
