import { describe, expect, it } from "vitest";
import { decoyHash, hashPassword, verifyPassword } from "./password";

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

describe("password hashing", () => {
  it("produces an argon2id hash at or above the OWASP minimum cost", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    const match = PHC.exec(hashed);
    expect(match, hashed).not.toBeNull();
    const [, memory, time, lanes] = match!.map(Number);
    expect(memory).toBeGreaterThanOrEqual(19_456);
    expect(time).toBeGreaterThanOrEqual(2);
    expect(lanes).toBeGreaterThanOrEqual(1);
    expect(hashed).not.toContain("correct horse");
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password here"), hashPassword("same password here")]);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    await expect(verifyPassword(hashed, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(hashed, "correct horse battery stapl")).resolves.toBe(false);
    await expect(verifyPassword(hashed, "Correct horse battery staple")).resolves.toBe(false);
    await expect(verifyPassword(hashed, "")).resolves.toBe(false);
  });

  it("answers false, not an exception, for a malformed hash", async () => {
    for (const bad of ["", "not-a-hash", "$argon2id$v=19$m=19456,t=2,p=1$broken", "$2b$10$abcdefghijklmnopqrstuv"]) {
      await expect(verifyPassword(bad, "anything at all"), bad).resolves.toBe(false);
    }
  });

  it("has a decoy hash that is real argon2id and matches no user password", async () => {
    const decoy = await decoyHash();
    expect(decoy).toMatch(PHC);
    expect(await decoyHash()).toBe(decoy);
    await expect(verifyPassword(decoy, "correct horse battery staple")).resolves.toBe(false);
  });
});
