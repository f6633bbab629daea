import { beforeAll, describe, expect, it, vi } from "vitest";
import { notifyAll } from "@/db";
import { cached, graphChanged, latest, NETWORK_CACHE_TTL_MS } from "./cache";

describe("the networks cache", () => {
  // Nothing is kept until this process listens for other instances' changes (a moment on PostgreSQL).
  beforeAll(async () => {
    let runs = 0;
    const compute = async () => ++runs;
    await vi.waitFor(async () => expect(await cached("warm-up", compute)).toBe(await cached("warm-up", compute)));
  });

  it("shares one computation between callers that arrive while it runs", async () => {
    let runs = 0;
    let release!: (v: number) => void;
    const compute = () => {
      runs++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = cached("shared", compute);
    const second = cached("shared", compute);
    release(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(runs).toBe(1);
    expect(await cached("shared", compute)).toBe(42);
    expect(runs).toBe(1);
  });

  it("recomputes after the time limit, after a change and after a failure", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    const t0 = Date.now();
    expect(await cached("ttl", compute, t0)).toBe(1);
    expect(await cached("ttl", compute, t0 + NETWORK_CACHE_TTL_MS + 1)).toBe(2);
    graphChanged();
    expect(await cached("ttl", compute)).toBe(3);
    await expect(cached("fails", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cached("fails", async () => "ok")).toBe("ok");
  });

  it("does not keep a result computed across a change", async () => {
    let release!: (v: string) => void;
    const stale = cached("race", () => new Promise<string>((resolve) => (release = resolve)));
    graphChanged();
    release("before the change");
    expect(await stale).toBe("before the change");
    await Promise.resolve();
    expect(await cached("race", async () => "after the change")).toBe("after the change");
  });

  it("latest: waits briefly for a first result, then answers the last one while a newer one is computed", async () => {
    let release!: (v: string) => void;
    const slow = () => new Promise<string>((resolve) => (release = resolve));
    expect(await latest("dash", slow, { maxAgeMs: 60_000, waitMs: 10 })).toBeNull();
    release("first");
    await new Promise((r) => setTimeout(r, 0));
    expect(await latest("dash", slow, { maxAgeMs: 60_000, waitMs: 10 })).toBe("first");
    graphChanged();
    // Stale after the change: still answered at once, while the recomputation runs.
    expect(await latest("dash", slow, { maxAgeMs: 60_000, waitMs: 10 })).toBe("first");
    release("second");
    await new Promise((r) => setTimeout(r, 0));
    expect(await latest("dash", slow, { maxAgeMs: 60_000, waitMs: 10 })).toBe("second");
    // The networks list takes only fresh results and shares the entry.
    expect(await cached("dash", slow)).toBe("second");
  });

  it("takes a change another instance announces (PostgreSQL NOTIFY) as a change here", async () => {
    let runs = 0;
    const compute = async () => ++runs;
    const before = await cached("remote", compute);
    expect(await cached("remote", compute)).toBe(before);
    await notifyAll("casework_graph_changed", "another-instance");
    await vi.waitFor(async () => expect(await cached("remote", compute)).toBe(before + 1));
  });
});
