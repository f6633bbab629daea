import { describe, expect, it, vi } from "vitest";
import { apiOperations } from "@/lib/api/operations";
import { apiPaths } from "@/lib/api/paths";
import { methodsOf } from "@/lib/testing/routes";

// next-auth cannot load outside Next's bundler; these tests only list what the modules export.
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

// Every route module under app/api, by its folder: [id] is the OpenAPI {id}. The catch-all
// (a JSON 404 for unknown paths) and Auth.js's own endpoints are not operations of the API.
const modules = import.meta.glob<Record<string, unknown>>("./**/route.ts");
const notOperations = ["./[...path]/route.ts", "./auth/[...nextauth]/route.ts"];

const toPath = (file: string) =>
  `/api/${file.replace(/^\.\//, "").replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, "");

async function routeOperations(): Promise<string[]> {
  const out: string[] = [];
  for (const [file, load] of Object.entries(modules)) {
    if (notOperations.includes(file)) continue;
    for (const method of methodsOf(await load())) out.push(`${method} ${toPath(file)}`);
  }
  return out.sort();
}

const documented = () => [...new Set(apiOperations.map((o) => `${o.method.toUpperCase()} ${o.path}`))].sort();

describe("the one list of API operations", () => {
  it("documents every route handler in OpenAPI, and every documented operation has a handler", async () => {
    const routes = await routeOperations();
    expect(routes.length).toBeGreaterThan(50);
    expect(
      routes.filter((r) => !documented().includes(r)),
      "route handlers without an OpenAPI operation",
    ).toEqual([]);
    expect(
      documented().filter((d) => !routes.includes(d)),
      "OpenAPI operations without a route handler",
    ).toEqual([]);
  });

  it("lists exactly the documented paths for the browser's URLs", () => {
    expect([...apiPaths].sort()).toEqual([...new Set(apiOperations.map((o) => o.path))].sort());
  });

  it("reads folder names as OpenAPI paths", () => {
    expect(toPath("./personas/[id]/identifiers/[identifierId]/route.ts")).toBe(
      "/api/personas/{id}/identifiers/{identifierId}",
    );
    expect(toPath("./openapi.json/route.ts")).toBe("/api/openapi.json");
  });
});
