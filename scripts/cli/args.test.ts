import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { formatError, UsageError } from "../support/errors";
import { parseCommand } from "./args";

function usageMessage(argv: string[]): string {
  try {
    parseCommand(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for: ${argv.join(" ")}`);
}

describe("parseCommand", () => {
  it("maps each command and its options", () => {
    expect(
      parseCommand([
        "user",
        "add",
        "--email",
        "x@example.com",
        "--name",
        "X",
        "--role",
        "investigator",
        "--password",
        "long enough pass",
      ]),
    ).toEqual({
      kind: "user-add",
      email: "x@example.com",
      name: "X",
      role: "investigator",
      password: { from: "argument", value: "long enough pass" },
    });
    expect(
      parseCommand(["user", "add", "--email=x@example.com", "--name=X", "--role=legal", "--password-stdin"]),
    ).toMatchObject({
      password: { from: "stdin" },
    });
    expect(parseCommand(["token", "create", "--email", "x@example.com", "--name", "ci"])).toEqual({
      kind: "token-create",
      email: "x@example.com",
      name: "ci",
    });
    expect(
      parseCommand([
        "token",
        "create",
        "--email",
        "x@example.com",
        "--name",
        "ci",
        "--expires",
        "2030-01-01T00:00:00Z",
      ]),
    ).toMatchObject({
      expiresAt: "2030-01-01T00:00:00Z",
    });
    expect(parseCommand(["audit", "verify"])).toEqual({ kind: "audit-verify" });
    expect(parseCommand(["audit", "anchor"])).toEqual({ kind: "audit-anchor" });
    expect(parseCommand(["help"])).toEqual({ kind: "help" });
    expect(parseCommand(["user", "add", "--help"])).toEqual({ kind: "help" });
  });

  it("says what is wrong with bad input", () => {
    expect(usageMessage([])).toMatch(/No command/);
    expect(usageMessage(["frobnicate"])).toMatch(/Unknown command "frobnicate"/);
    expect(usageMessage(["user"])).toMatch(/"user" needs a subcommand: try "user add"/);
    expect(usageMessage(["user", "delete"])).toMatch(/Unknown command "user delete"/);
    expect(usageMessage(["user", "add", "--email", "x@example.com", "--role", "admin", "--password", "p"])).toMatch(
      /needs --name/,
    );
    expect(usageMessage(["user", "add", "--email", "x@example.com", "--name", "X", "--role", "admin"])).toMatch(
      /--password or --password-stdin/,
    );
    expect(
      usageMessage([
        "user",
        "add",
        "--email",
        "e@example.com",
        "--name",
        "X",
        "--role",
        "admin",
        "--password",
        "p",
        "--password-stdin",
      ]),
    ).toMatch(/not both/);
    expect(usageMessage(["token", "create", "--email", "x@example.com", "--name", "ci", "--colour", "red"])).toMatch(
      /Unknown option '--colour'/,
    );
    expect(usageMessage(["audit", "verify", "extra"])).toMatch(/"audit verify"/);
    expect(usageMessage(["audit"])).toMatch(/try "audit verify" or "audit anchor"/);
    expect(usageMessage(["token", "create", "--email", "  ", "--name", "ci"])).toMatch(/needs --email/);
  });
});

describe("formatError", () => {
  it("prints validation details and usage hints without a stack trace", () => {
    const text = formatError(
      new AppError("bad_request", "Invalid input", [
        { path: "role", message: "Role must be one of: admin, manager, investigator, legal" },
      ]),
    );
    expect(text).toBe("error: Invalid input\n  - role: Role must be one of: admin, manager, investigator, legal");
    expect(formatError(new UsageError("No command given."))).toMatch(
      /^error: No command given\.\nRun `npm run cli -- help`/,
    );
    expect(formatError(new Error("boom"))).toBe("error: boom");
  });
});
