import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

interface RequestContext {
  requestId: string;
}

// On globalThis: Next may load this module in more than one module graph of one process.
const key = Symbol.for("casework.requestContext");
const g = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<RequestContext> };
const storage = (g[key] ??= new AsyncLocalStorage<RequestContext>());

/** A request id a proxy in front set (X-Request-Id), when it is a plain token; else a new one. */
export function requestIdFor(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : randomUUID();
}

/** Runs fn with the request id in scope: every log line and every job queued inside carries it. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
