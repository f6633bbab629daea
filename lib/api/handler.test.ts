import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { who, type Who } from "@/lib/testing/routes";
import { errorResponse, withActor } from "./handler";

vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

let caller: Who;

beforeAll(async () => {
  caller = await who("investigator");
});

afterEach(() => {
  vi.restoreAllMocks();
});

const echo = withActor({ body: z.object({ note: z.string() }) }, async ({ body }) => body);
const noParams = { params: Promise.resolve({}) };

/** A JSON body that sends its first bytes, then fails the way a dropped connection fails Node's request stream. */
function droppedBody(error: Error): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(error);
      sent = true;
      controller.enqueue(new TextEncoder().encode('{"note":"hal'));
    },
  });
}

function post(body: ReadableStream<Uint8Array> | string, signal?: AbortSignal): Request {
  return new Request("http://localhost/api/echo", {
    method: "POST",
    headers: { authorization: `Bearer ${caller.token}`, "content-type": "application/json" },
    body,
    signal,
    duplex: "half",
  } as RequestInit);
}

function watchLogs() {
  return {
    error: vi.spyOn(logger, "error").mockImplementation(() => {}),
    info: vi.spyOn(logger, "info").mockImplementation(() => {}),
  };
}

const connReset = () => Object.assign(new Error("aborted"), { code: "ECONNRESET" });

describe("a client that disconnects mid-request", () => {
  it.each([
    ["Node's 'aborted' (ECONNRESET) from the body stream", connReset],
    ["an AbortError", () => new DOMException("The operation was aborted.", "AbortError")],
    ["a stream error caused by a reset", () => new TypeError("terminated", { cause: connReset() })],
  ])("is logged at info level, not as a server error, for %s", async (_what, make) => {
    const logs = watchLogs();
    const response = await echo(post(droppedBody(make())), noParams);
    expect(response.status).not.toBe(500);
    expect(logs.error).not.toHaveBeenCalled();
    expect(logs.info).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: expect.any(String) }),
      "request aborted by the client",
    );
  });

  it("is recognised by its aborted signal, whatever the error says", async () => {
    const logs = watchLogs();
    const controller = new AbortController();
    controller.abort();
    const response = errorResponse(new Error("socket hang up"), "req-1", post("{}", controller.signal));
    expect(response.status).not.toBe(500);
    expect(logs.error).not.toHaveBeenCalled();
    expect(logs.info).toHaveBeenCalledWith(
      expect.objectContaining({ requestId: "req-1" }),
      "request aborted by the client",
    );
  });
});

describe("server faults", () => {
  it("stay 500 errors, a reset database socket included", async () => {
    const logs = watchLogs();
    const dbReset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" });
    for (const error of [new Error("boom"), dbReset]) {
      const response = errorResponse(error, "req-2", post("{}"));
      expect(response.status).toBe(500);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("internal");
    }
    expect(logs.error).toHaveBeenCalledTimes(2);
    expect(logs.info).not.toHaveBeenCalled();
  });

  it("answer a complete request normally", async () => {
    const response = await echo(post('{"note":"hello"}'), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ note: "hello" });
  });
});
