import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { dashboardSummarySchema } from "@/lib/dashboard/views";
import { makeActor } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens";
import { GET } from "./route";

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let token: string;

beforeAll(async () => {
  const manager = await makeActor("manager");
  token = (await createToken({ actor: manager, input: { name: "dashboard api test" } })).token;
});

async function get(search: string, bearer: string | null = token) {
  const headers = bearer ? { authorization: `Bearer ${bearer}` } : undefined;
  const response = await GET(new Request(`http://localhost/api/dashboard/summary${search}`, { headers }), {
    params: Promise.resolve({}),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { code: string; details?: unknown } },
  };
}

describe("GET /api/dashboard/summary", () => {
  it("answers 401 without credentials", async () => {
    const { status, body } = await get("", null);
    expect(status).toBe(401);
    expect(body.error?.code).toBe("unauthorized");
  });

  it("answers the documented shape", async () => {
    const { status, body } = await get("?from=2019-01-01&to=2019-01-31&severity=high,critical&team=nobody-here");
    expect(status).toBe(200);
    const parsed = dashboardSummarySchema.parse(body);
    expect(parsed.period).toEqual({ from: "2019-01-01", to: "2019-01-31", days: 31 });
    expect(parsed.filters).toEqual({ team: "nobody-here", channel: null, severity: ["high", "critical"] });
    expect(parsed.weekly.map((w) => w.week)).toEqual(["2019-W01", "2019-W02", "2019-W03", "2019-W04", "2019-W05"]);
  });

  it("answers 400 with details for bad filters", async () => {
    const reversed = await get("?from=2019-02-01&to=2019-01-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error?.details).toEqual([{ path: "to", message: "The period ends before it starts" }]);
    const unknown = await get("?colour=red");
    expect(unknown.status).toBe(400);
    const tooLong = await get("?from=2010-01-01&to=2019-01-01");
    expect(tooLong.status).toBe(400);
  });

  it("is described in the OpenAPI document with its query and response", async () => {
    const doc = (await (await openapi()).json()) as {
      paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    const op = doc.paths["/api/dashboard/summary"]?.get;
    expect(op?.parameters.map((p) => p.name)).toEqual(["from", "to", "team", "channel", "severity"]);
    expect(JSON.stringify(op?.responses["200"])).toContain("timeToContain");
  });
});
