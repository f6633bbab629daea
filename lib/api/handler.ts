import { z } from "zod";
import type { UserRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFromRequest } from "@/lib/auth/current";
import { type Action, authorize } from "@/lib/auth/policy";
import { AppError, errorBody, errorHeaders, fromZodError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/ops/metrics";
import { requestIdFor, withRequestId } from "@/lib/ops/request-context";
import { readJsonBody, searchParamsToObject } from "./body";

interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export interface HandlerContext<P, Q, B> {
  request: Request;
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  requestId: string;
}

interface Options<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
  /** Roles allowed at all; record-level checks still happen in lib. */
  roles?: readonly UserRole[];
  /** An action of the policy the actor must be allowed before the body is even read. */
  permission?: Action;
  /** A larger cap than MAX_JSON_BYTES for the few routes that take big lists. */
  bodyLimit?: number;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/**
 * A client that went away mid-request: its signal is aborted, or reading the body failed the way
 * a dropped connection fails it (Node's "aborted", an ECONNRESET with no syscall: a reset socket
 * of the database carries one, and stays a server error).
 */
function isClientAbort(error: unknown, request?: Request): boolean {
  if (request?.signal.aborted) return true;
  for (
    let e = error, depth = 0;
    e && typeof e === "object" && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    if (name === "AbortError" || code === "ABORT_ERR" || message === "aborted") return true;
    if (code === "ECONNRESET" && !("syscall" in e)) return true;
  }
  return false;
}

export function errorResponse(error: unknown, requestId: string, request?: Request): Response {
  if (error instanceof AppError) {
    return json(errorBody(error.code, error.message, error.details), error.status, {
      "x-request-id": requestId,
      ...errorHeaders(error),
    });
  }
  if (error instanceof z.ZodError) {
    const e = fromZodError(error);
    return json(errorBody(e.code, e.message, e.details), e.status, { "x-request-id": requestId });
  }
  if (isClientAbort(error, request)) {
    // Nobody is left to read the answer, and nothing on our side failed.
    logger.info(
      { err: error, requestId, method: request?.method, path: request ? new URL(request.url).pathname : undefined },
      "request aborted by the client",
    );
    return json(errorBody("bad_request", "The request was aborted before it finished"), 400, {
      "x-request-id": requestId,
    });
  }
  logger.error({ err: error, requestId }, "unhandled error in API route");
  return json(errorBody("internal", `Something went wrong on our side (request ${requestId})`), 500, {
    "x-request-id": requestId,
  });
}

function parsePart<T extends z.ZodType>(schema: T | undefined, input: unknown, what: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, `Invalid ${what}`);
  return result.data;
}

/**
 * Wraps a route handler so none can forget the basics: who is asking (401 otherwise; a change
 * made with the session cookie must come from the app's own pages, see actorFromRequest), whether
 * their role may use the route at all, validated params/query/body, and one error shape.
 */
export function withActor<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  options: Options<P, Q, B>,
  handler: (ctx: HandlerContext<Out<P>, Out<Q>, Out<B>>) => Promise<Response | object>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = requestIdFor(request);
    const done = observeRequest(request);
    const response = await withRequestId(requestId, () => run(request, context, requestId));
    done(response.status);
    // A redirect's headers cannot change; every other answer names its request.
    if (!response.headers.has("x-request-id") && response.type !== "opaqueredirect")
      try {
        response.headers.set("x-request-id", requestId);
      } catch {
        // Immutable headers (Response.redirect): the request id is in the log only.
      }
    return response;
  };

  async function run(request: Request, context: RouteContext, requestId: string): Promise<Response> {
    try {
      const actor = await actorFromRequest(request);
      if (!actor) throw new AppError("unauthorized", "Sign in or send a valid API token (Authorization: Bearer …)");
      if (options.roles && !options.roles.includes(actor.role)) {
        throw new AppError("forbidden", "Your role may not use this endpoint");
      }
      if (options.permission) authorize(actor, options.permission);
      const params = parsePart(options.params, await context.params, "path parameters");
      const query = parsePart(
        options.query,
        searchParamsToObject(new URL(request.url).searchParams),
        "query parameters",
      );
      const body = options.body
        ? parsePart(options.body, await readJsonBody(request, options.bodyLimit), "request body")
        : undefined;
      const result = await handler({ request, actor, requestId, params, query, body } as HandlerContext<
        Out<P>,
        Out<Q>,
        Out<B>
      >);
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return errorResponse(error, requestId, request);
    }
  }
}
