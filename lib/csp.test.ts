import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

function page(path: string, signedIn = true): NextRequest {
  return new NextRequest(`http://127.0.0.1:3100${path}`, {
    headers: signedIn ? { cookie: "authjs.session-token=abc" } : {},
  });
}

/** What Next.js does with the proxy's answer: the request headers it passes on to the page. */
function forwarded(response: Response): Headers {
  const out = new Headers();
  const names = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
  for (const name of names) out.set(name, response.headers.get(`x-middleware-request-${name}`) ?? "");
  return out;
}

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy("bm9uY2U="));

  it("lets scripts run only with the nonce or from a script that has it", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins and a foreign <base>", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(directives(contentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("proxy", () => {
  it("gives each page response a policy with a nonce of its own, and passes the same to the page's render", () => {
    const first = proxy(page("/cases"));
    const second = proxy(page("/cases"));
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    expect(forwarded(first).get("content-security-policy")).toBe(policy);
    expect(forwarded(first).get("x-nonce")).toBe(nonce);
  });

  it("covers the login page, which signed-out visitors reach without a redirect", () => {
    const response = proxy(page("/login?callbackUrl=%2Fcases", false));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
    expect(new RegExp(`^${config.matcher[0]}$`).test("/login")).toBe(true);
  });

  it("still sends signed-out visitors of other pages to the login page", () => {
    const response = proxy(page("/personas?q=x", false));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname + location.search).toBe("/login?callbackUrl=%2Fpersonas%3Fq%3Dx");
  });

  it("leaves the API and static files alone", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(["/api/cases", "/_next/static/chunks/a.js", "/favicon.ico"].filter((p) => matcher.test(p))).toEqual([]);
    expect(["/", "/cases/1", "/login"].every((p) => matcher.test(p))).toBe(true);
  });
});
