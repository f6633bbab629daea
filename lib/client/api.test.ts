import { describe, expect, it } from "vitest";
import { ApiError, explainError } from "./api";

describe("explainError", () => {
  it("tells a validation error by its field messages, once each, not by its generic summary", () => {
    const error = new ApiError(400, {
      code: "validation_failed",
      message: "Invalid query parameters",
      details: [
        { path: "to", message: "The period ends before it starts" },
        { path: "from", message: "The period ends before it starts" },
      ],
    });
    expect(explainError(error)).toBe("The period ends before it starts");
  });

  it("keeps the message of an error without field details, and of any other error", () => {
    expect(explainError(new ApiError(404, { code: "not_found", message: "Case not found" }))).toBe("Case not found");
    expect(explainError(new Error("Failed to fetch"))).toBe("Failed to fetch");
  });
});
