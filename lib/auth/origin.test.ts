import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { appOrigin, atAppOrigin, isSameOriginRequest, isStateChanging } from "./origin";

function request(headers: Record<string, string>, url = "http://localhost:3000/api/cases", method = "POST") {
  return new Request(url, { method, headers });
}

describe("appOrigin", () => {
  it("reads the forwarded host and scheme first, as Auth.js does", () => {
    expect(
      appOrigin(
        new Headers({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "casework.example.org",
          "x-forwarded-proto": "https",
        }),
      ),
    ).toBe("https://casework.example.org");
  });

  it("takes the first of several forwarded values", () => {
    expect(
      appOrigin(
        new Headers({ "x-forwarded-host": "casework.example.org, 10.0.0.5", "x-forwarded-proto": "https,http" }),
      ),
    ).toBe("https://casework.example.org");
  });

  it("falls back to Host and then to the URL the server sees", () => {
    expect(appOrigin(new Headers({ host: "127.0.0.1:3100" }), "http://localhost:3100/x")).toBe("http://127.0.0.1:3100");
    expect(appOrigin(new Headers(), "http://localhost:3100/x")).toBe("http://localhost:3100");
    expect(appOrigin(new Headers())).toBeNull();
  });

  it("normalises case and default ports", () => {
    expect(
      appOrigin(new Headers({ "x-forwarded-host": "CaseWork.Example.org:443", "x-forwarded-proto": "https" })),
    ).toBe("https://casework.example.org");
  });
});

describe("isSameOriginRequest", () => {
  it("accepts the app's own origin", () => {
    expect(isSameOriginRequest(request({ origin: "http://localhost:3000" }))).toBe(true);
    expect(
      isSameOriginRequest(
        request({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }, "http://localhost:3100/api/cases"),
      ),
    ).toBe(true);
    expect(
      isSameOriginRequest(
        request({
          origin: "https://casework.example.org",
          "x-forwarded-host": "casework.example.org",
          "x-forwarded-proto": "https",
        }),
      ),
    ).toBe(true);
  });

  it.each([
    ["another port", "http://localhost:3001"],
    ["a sibling subdomain", "http://evil.localhost:3000"],
    ["another scheme", "https://localhost:3000"],
    ["an opaque origin", "null"],
    ["garbage", "not an origin"],
  ])("refuses %s", (_what, origin) => {
    expect(isSameOriginRequest(request({ origin }))).toBe(false);
  });

  it("without Origin, trusts only Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(request({}))).toBe(false);
  });

  it("lets Origin decide when both are sent", () => {
    expect(isSameOriginRequest(request({ origin: "http://localhost:3001", "sec-fetch-site": "same-origin" }))).toBe(
      false,
    );
  });
});

describe("isStateChanging", () => {
  it("covers the writing methods only", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].map(isStateChanging)).toEqual([true, true, true, true, true]);
    expect(["GET", "HEAD", "OPTIONS"].map(isStateChanging)).toEqual([false, false, false]);
  });
});

describe("with AUTH_URL set", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("the configured address is the app's origin, whatever the Host says", async () => {
    vi.stubEnv("AUTH_URL", "https://casework.example.org/");
    vi.resetModules();
    const pinned = await import("./origin");
    expect(pinned.appOrigin(new Headers({ host: "127.0.0.1:3000" }))).toBe("https://casework.example.org");
    expect(
      pinned.isSameOriginRequest(request({ origin: "https://casework.example.org", host: "127.0.0.1:3000" })),
    ).toBe(true);
    expect(pinned.isSameOriginRequest(request({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(
      false,
    );
  });
});

describe("atAppOrigin", () => {
  it("puts a route handler's request at the loopback address the browser used, not localhost", async () => {
    const request = new NextRequest("http://127.0.0.1:3111/api/auth/callback/oidc?code=abc&state=s", {
      headers: { host: "127.0.0.1:3111", "x-forwarded-proto": "http", cookie: "a=b" },
    });
    // What Next hands the route handler, and what made the code exchange's redirect_uri differ.
    expect(request.url).toBe("http://localhost:3111/api/auth/callback/oidc?code=abc&state=s");
    const moved = await atAppOrigin(request);
    expect(moved.url).toBe("http://127.0.0.1:3111/api/auth/callback/oidc?code=abc&state=s");
    expect(moved.headers.get("cookie")).toBe("a=b");
  });

  it("follows the proxy's forwarded host and scheme", async () => {
    const request = new NextRequest("http://localhost:3000/api/auth/callback/oidc?code=abc", {
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "casework.example.org", "x-forwarded-proto": "https" },
    });
    expect((await atAppOrigin(request)).url).toBe("https://casework.example.org/api/auth/callback/oidc?code=abc");
  });

  it("keeps a posted form's body and method", async () => {
    const request = new NextRequest("http://127.0.0.1:3111/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "127.0.0.1:3111", "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40example.test&password=x",
    });
    const moved = await atAppOrigin(request);
    expect(moved.method).toBe("POST");
    expect(moved.url).toBe("http://127.0.0.1:3111/api/auth/callback/credentials");
    expect(await moved.text()).toBe("email=a%40example.test&password=x");
  });
});
