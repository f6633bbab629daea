/**
 * A seeded generator, so the same seed gives the same data set and runs stay comparable.
 * mulberry32: tiny, fast, and plenty for synthetic data (not for anything secret).
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** 32 random bits as an unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** Index in [0, n) skewed towards 0: a few items get most of the picks (leads, hot cases). */
  skewed(n: number, power = 3): number {
    return Math.min(n - 1, Math.floor(Math.pow(this.next(), power) * n));
  }

  /** Log-normal weight with median 1: most values small, a long tail of large ones. */
  lognormal(sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }

  /** A version-4 UUID from this generator's bits. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    const a = hex(this.u32());
    const b = hex(this.u32());
    const c = hex(this.u32());
    const d = hex(this.u32());
    const variant = ((parseInt(c[0] ?? "0", 16) & 3) | 8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** 64 hex characters, shaped like a SHA-256 (metadata-only evidence rows). */
  sha256Hex(): string {
    let out = "";
    for (let i = 0; i < 8; i++) out += this.u32().toString(16).padStart(8, "0");
    return out;
  }

  /** Distinct indexes in [0, n), at most `k` of them. */
  sample(n: number, k: number): number[] {
    const picked = new Set<number>();
    const want = Math.min(k, n);
    while (picked.size < want) picked.add(this.int(0, n - 1));
    return [...picked];
  }
}

/**
 * Splits `total` over `weights.length` buckets in proportion to the weights, exactly: the
 * counts add up to `total` (largest remainders get the leftovers).
 */
export function apportion(total: number, weights: readonly number[]): Uint32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = new Uint32Array(weights.length);
  const remainders: [number, number][] = [];
  let given = 0;
  weights.forEach((w, i) => {
    const exact = sum > 0 ? (total * w) / sum : 0;
    const whole = Math.floor(exact);
    counts[i] = whole;
    given += whole;
    remainders.push([exact - whole, i]);
  });
  remainders.sort((x, y) => y[0] - x[0]);
  for (let k = 0; k < total - given; k++) {
    const entry = remainders[k % remainders.length];
    if (entry) counts[entry[1]] = (counts[entry[1]] ?? 0) + 1;
  }
  return counts;
}
