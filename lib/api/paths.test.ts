import { describe, expect, it } from "vitest";
import { apiPath } from "./paths";

describe("apiPath", () => {
  it("fills path parameters, encoded, and appends a query", () => {
    expect(apiPath("/api/cases")).toBe("/api/cases");
    expect(apiPath("/api/cases", "status=open&page=2")).toBe("/api/cases?status=open&page=2");
    expect(apiPath("/api/cases/{id}/notes", { id: "c1" }, { page: 2, pageSize: 20, skip: undefined })).toBe(
      "/api/cases/c1/notes?page=2&pageSize=20",
    );
    expect(apiPath("/api/personas/{id}/red-flags/{code}", { id: "a/b", code: "X Y" })).toBe(
      "/api/personas/a%2Fb/red-flags/X%20Y",
    );
    expect(apiPath("/api/tokens", new URLSearchParams({ all: "true" }))).toBe("/api/tokens?all=true");
    expect(apiPath("/api/cases", "")).toBe("/api/cases");
  });
});
