import { describe, expect, it } from "vitest";
import type { ActivityView } from "@/lib/cases/views";
import { describeActivity } from "./describe-activity";

const event = (action: string, detail: Record<string, unknown>) => ({ action, detail }) as unknown as ActivityView;

describe("describeActivity", () => {
  it("names templates by their names, not their ids", () => {
    expect(describeActivity(event("case.create", { template: "fake-remote-worker" }))).toBe(
      "opened the case from the template “Suspected fake remote worker”",
    );
    expect(describeActivity(event("case.create", { template: null }))).toBe("opened the case");
    expect(describeActivity(event("task.apply_template", { template: "fake-remote-worker", added: 1 }))).toBe(
      "applied the task list “Suspected fake remote worker” (1 task added)",
    );
    expect(describeActivity(event("task.apply_template", { template: "fake-remote-worker", added: 7 }))).toContain(
      "(7 tasks added)",
    );
  });

  it("tells legal review and access requests apart, with the count in the right number", () => {
    expect(describeActivity(event("case.legal_review_request", { to: "team", userIds: ["a", "b"] }))).toBe(
      "requested legal review from the legal team (2 lawyers)",
    );
    expect(describeActivity(event("case.legal_review_request", { to: "user", userIds: ["a"] }))).toBe(
      "requested legal review from a lawyer",
    );
    expect(describeActivity(event("case.access_request", {}))).toBe("asked for access to the case");
    expect(describeActivity(event("case.access_grant", { role: "legal" }))).toBe(
      "granted a request for access (as legal)",
    );
    expect(describeActivity(event("case.access_refuse", {}))).toBe("refused a request for access");
  });
});
