import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

/** Most points one instance takes at once: a twentieth of the allowance, at most 50. */
export function blockSizeFor(limit: number): number {
  return Math.max(1, Math.min(50, Math.floor(limit / 20)));
}

/**
 * An API token's requests per minute, counted in the shared rate_limits table in blocks: an
 * instance takes `block` points in one write and hands them out from memory until they are
 * used or the window ends, so a request does not write a row every time. Points taken count as
 * used whether or not they are, so all instances together never admit more than the limit; near
 * the limit an instance may refuse up to block - 1 requests that another instance's unused block
 * still holds. When fewer than a block are left, the block is given back and one point taken.
 * Throws the limiter's RateLimiterRes when the allowance is spent.
 */
export function tokenAllowance(limiter: RateLimiterAbstract, limit: number) {
  const block = blockSizeFor(limit);
  const held = new Map<string, { left: number; until: number }>();

  async function take(key: string, points: number): Promise<void> {
    const now = Date.now();
    const res = await limiter.consume(key, points);
    if (held.size >= 10_000) held.delete(held.keys().next().value!);
    held.set(key, { left: points - 1, until: now + res.msBeforeNext });
  }

  // One block taken at a time per key: parallel requests wait for it rather than each taking one.
  const taking = new Map<string, Promise<void>>();

  async function refill(key: string): Promise<void> {
    if (block === 1) return take(key, 1);
    try {
      await take(key, block);
    } catch (error) {
      if (!(error instanceof RateLimiterRes) || error.consumedPoints - block >= limit) throw error;
      await limiter.reward(key, block);
      await take(key, 1);
    }
  }

  return async function consume(key: string): Promise<void> {
    for (;;) {
      const mine = held.get(key);
      if (mine && mine.left > 0 && Date.now() < mine.until) {
        mine.left--;
        return;
      }
      const running = taking.get(key);
      if (!running) break;
      await running.catch(() => {});
    }
    held.delete(key);
    const run = refill(key).finally(() => taking.delete(key));
    taking.set(key, run);
    return run;
  };
}
