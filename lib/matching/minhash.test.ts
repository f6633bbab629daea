import { describe, expect, it } from "vitest";
import { bands, changedLines, minhash, shingles, similarity } from "./minhash";

const bullets = Array.from(
  { length: 20 },
  (_, i) =>
    `- Built service number ${i} with TypeScript, React and PostgreSQL for a team of ${i + 3} engineers across time zones`,
);
const resume = (name: string, list: string[]) => `${name}\nSenior full-stack engineer\n${list.join("\n")}`;

describe("résumé similarity by MinHash", () => {
  const original = resume("Kim Sang Man", bullets);
  const recycled = resume("Daniel Park", [
    ...bullets.slice(0, 9),
    "- Led the migration of billing to event sourcing on Kafka",
    ...bullets.slice(10, 17),
    "- Mentored interns in code review and testing practice",
    ...bullets.slice(18),
  ]);
  const unrelated = resume(
    "Anna Smith",
    Array.from({ length: 20 }, (_, i) => `- Managed ${i} retail stores and trained staff in customer service skills`),
  );

  it("estimates a recycled résumé (new name, two bullets changed) as mostly alike, and sees the same bands", () => {
    const [a, b] = [minhash(shingles(original)), minhash(shingles(recycled))];
    expect(similarity(a, b)).toBeGreaterThan(0.7);
    expect(bands(a).some((band) => bands(b).includes(band))).toBe(true);
  });

  it("estimates an unrelated résumé as unlike, sharing no band", () => {
    const [a, c] = [minhash(shingles(original)), minhash(shingles(unrelated))];
    expect(similarity(a, c)).toBeLessThan(0.2);
    expect(bands(a).some((band) => bands(c).includes(band))).toBe(false);
  });

  it("is the same text whatever the case, punctuation or line breaks", () => {
    const a = minhash(shingles(original));
    expect(similarity(a, minhash(shingles(original.toUpperCase().replace(/\n/g, " "))))).toBe(1);
  });

  it("names the lines each side changed", () => {
    const diff = changedLines(original, recycled);
    expect(diff.mine).toEqual(["Kim Sang Man", bullets[9], bullets[17]]);
    expect(diff.theirs).toEqual([
      "Daniel Park",
      "- Led the migration of billing to event sourcing on Kafka",
      "- Mentored interns in code review and testing practice",
    ]);
  });
});
