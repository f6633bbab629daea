import { describe, expect, it } from "vitest";
import { z } from "zod";
import { timeOrderedId } from "./time-ordered-id";

describe("timeOrderedId", () => {
  it("is a version 7 UUID that sorts by its time, unique within one millisecond", () => {
    const early = timeOrderedId(Date.UTC(2026, 0, 1));
    const late = timeOrderedId(Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(early).success).toBe(true);
    expect(early.slice(0, 13)).toBe("019b76da-a800");
    expect(early < late).toBe(true);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1)));
    expect(same.size).toBe(1000);
  });
});
