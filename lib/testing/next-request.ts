import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";

/**
 * A request as `next start` hands it to a route handler: Next's server fills Host and the
 * X-Forwarded-* headers from the connection when no proxy did (base-server.ts), and Auth.js builds
 * its own URL, and so the name of its session cookie, from them (https, __Secure- cookies, when
 * X-Forwarded-Proto is missing).
 */
export function serverRequest(url: string, init: RequestInit = {}): Request {
  const { host, protocol, port } = new URL(url);
  const headers = new Headers(init.headers);
  if (!headers.has("host")) headers.set("host", host);
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", headers.get("host") ?? host);
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", protocol.replace(/:$/, ""));
  if (!headers.has("x-forwarded-port")) headers.set("x-forwarded-port", port || (protocol === "https:" ? "443" : "80"));
  return new Request(url, { ...init, headers });
}

/**
 * Runs `fn` inside the request scope Next gives a route handler (AppRouteRouteModule's
 * executeRequest), so `headers()` and `cookies()` from next/headers, and through them Auth.js's
 * `auth()`, read this request. Built from Next's own store factories; the globally shared
 * AsyncLocalStorage they need is installed by lib/testing/setup.ts.
 */
export function inRequestScope<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  const url = new URL(request.url);
  const page = `${url.pathname}/route`;
  const workStore = createWorkStore({
    page,
    // Only what a route handler's store reads; caching and prerendering are not in play here.
    renderOpts: { experimental: {} } as Parameters<typeof createWorkStore>[0]["renderOpts"],
    buildId: "vitest",
    deploymentId: "",
    previouslyRevalidatedTags: [],
  });
  const requestStore = createRequestStoreForAPI(
    request as unknown as Parameters<typeof createRequestStoreForAPI>[0],
    { pathname: url.pathname, search: url.search },
    { tags: [], expirationsByCacheKind: new Map() },
    undefined,
    undefined,
    undefined,
  );
  return workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, fn));
}
