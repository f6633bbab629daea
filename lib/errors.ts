import { z } from "zod";

export const errorCodes = [
  "unauthorized",
  "forbidden",
  "not_found",
  "bad_request",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The one table from error code to HTTP status. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  bad_request: 400,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return httpStatusByCode[this.code];
  }

  static notFound(what = "Record"): AppError {
    return new AppError("not_found", `${what} not found`);
  }

  /** Too many requests: the client may try again after `retryAfter` seconds (sent as Retry-After). */
  static rateLimited(message: string, retryAfter: number): AppError {
    return new AppError("rate_limited", message, { retryAfter });
  }
}

/** Headers an error answer carries besides its body: Retry-After when the client should wait. */
export function errorHeaders(error: AppError): Record<string, string> {
  const retryAfter = (error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return error.code === "rate_limited" && typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {};
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** zod failures become `bad_request` with one entry per field. */
export function fromZodError(error: z.ZodError, message = "Invalid input"): AppError {
  const details = error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  return new AppError("bad_request", message, details);
}

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, message?: string): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, message);
  return result.data;
}
