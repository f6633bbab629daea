import { randomUUID } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { rateLimits } from "@/db/schema";
import { blockSizeFor, tokenAllowance } from "./token-allowance";

beforeAll(async () => {
  await ready();
});

const limiterOf = (points: number) =>
  new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: `test-${randomUUID()}`,
    points,
    duration: 60,
  });

/** How many of n calls were admitted, one after another. */
async function admitted(consume: (key: string) => Promise<void>, key: string, n: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < n; i++) {
    try {
      await consume(key);
      ok++;
    } catch (error) {
      expect(error).toBeInstanceOf(RateLimiterRes);
    }
  }
  return ok;
}

describe("tokenAllowance", () => {
  it("takes points in blocks but admits exactly the limit, also when the limit is not a multiple of the block", async () => {
    expect(blockSizeFor(102)).toBe(5);
    const limiter = limiterOf(102);
    const consume = tokenAllowance(limiter, 102);
    expect(await admitted(consume, "a", 110)).toBe(102);
    // Another key has its own allowance.
    expect(await admitted(consume, "b", 3)).toBe(3);
    // The shared counter holds blocks, not single requests: "b" took one block of 5.
    expect((await limiter.get("b"))?.consumedPoints).toBe(5);
  });

  it("never admits more than the limit across instances sharing the counter", async () => {
    const limiter = limiterOf(100);
    const first = tokenAllowance(limiter, 100);
    const second = tokenAllowance(limiter, 100);
    let ok = 0;
    for (let i = 0; i < 70; i++) ok += (await admitted(first, "k", 1)) + (await admitted(second, "k", 1));
    expect(ok).toBeLessThanOrEqual(100);
    // Unused points of the other instance's last block are all that may go unused.
    expect(ok).toBeGreaterThanOrEqual(100 - (blockSizeFor(100) - 1));
  });

  it("takes one block for parallel requests, not one each", async () => {
    const limiter = limiterOf(600);
    const consume = tokenAllowance(limiter, 600);
    await Promise.all(Array.from({ length: 20 }, () => consume("p")));
    expect((await limiter.get("p"))?.consumedPoints).toBe(blockSizeFor(600));
  });
});
