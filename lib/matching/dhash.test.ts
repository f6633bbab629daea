import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { alteredCopy, picture } from "@/lib/testing/photos";
import { dhash, hamming, PHOTO_DISTANCE } from "./dhash";

describe("photo difference hash", () => {
  it("keeps re-encoded, resized and 5 % cropped (2.5 % off each side) copies within the distance", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const original = await picture(seed);
      const h = await dhash(original);
      const reencoded = await sharp(original).jpeg({ quality: 40 }).toBuffer();
      const resized = await sharp(original).resize(120).png().toBuffer();
      const cropped = await alteredCopy(original, { crop: 0.025, scale: 1, quality: 85 });
      const all = await alteredCopy(original, { crop: 0.025, scale: 0.6, quality: 60, format: "webp" });
      for (const copy of [reencoded, resized, cropped, all])
        expect(hamming(h, await dhash(copy))).toBeLessThanOrEqual(PHOTO_DISTANCE);
    }
  });

  it("puts different generated pictures further apart than the distance", async () => {
    const hashes = await Promise.all([11, 12, 13, 14, 15, 16].map(async (s) => dhash(await picture(s))));
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++)
        expect(hamming(hashes[i]!, hashes[j]!)).toBeGreaterThan(PHOTO_DISTANCE);
  });

  it("counts differing bits over all 64, the sign bit included", () => {
    expect(hamming(0n, -1n)).toBe(64);
    expect(hamming(5n, 4n)).toBe(1);
    expect(hamming(BigInt.asIntN(64, 1n << 63n), 0n)).toBe(1);
  });
});
