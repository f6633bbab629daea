import { describe, expect, it } from "vitest";
import { hasNextPage, pageCountOf } from "./pager";

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("pager", () => {
  it("counts pages from an exact total", () => {
    expect(pageCountOf({ page: 1, pageSize: 25, total: 51 })).toBe(3);
    expect(pageCountOf({ page: 1, pageSize: 25, total: 0 })).toBe(1);
    expect(pageCountOf(undefined)).toBe(1);
    expect(hasNextPage({ page: 2, pageSize: 25, total: 51 })).toBe(true);
    expect(hasNextPage({ page: 3, pageSize: 25, total: 51 })).toBe(false);
    expect(hasNextPage(undefined)).toBe(false);
  });

  it("keeps going past a capped total while pages come back full", () => {
    const capped = { pageSize: 25, total: 5000, totalCapped: true };
    expect(pageCountOf({ ...capped, page: 1 })).toBe(200);
    expect(pageCountOf({ ...capped, page: 230 })).toBe(230);
    expect(hasNextPage({ ...capped, page: 200, items: items(25) })).toBe(true);
    expect(hasNextPage({ ...capped, page: 231, items: items(7) })).toBe(false);
  });
});
