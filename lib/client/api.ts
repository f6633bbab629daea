/** The error shape every API route answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] | unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody["error"],
  ) {
    super(body.message);
  }

  /** Field messages from a validation error, keyed by field path. */
  fieldErrors(): Record<string, string> {
    const details = this.body.details;
    if (!Array.isArray(details)) return {};
    return Object.fromEntries(
      details
        .filter((d): d is { path: string; message: string } => typeof d?.path === "string")
        .map((d) => [d.path, d.message]),
    );
  }
}

/**
 * What to tell a person about a failed request: a validation error's own field messages ("The
 * period ends before it starts"), never its generic summary ("Invalid query parameters").
 */
export function explainError(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  const messages = [...new Set(Object.values(error.fieldErrors()))];
  return messages.length > 0 ? messages.join(". ") : error.message;
}

/**
 * fetch for the browser: JSON in and out (a FormData body goes as multipart, as it is), the error
 * shape turned into ApiError.
 */
export async function apiFetch<T>(path: string, init: Omit<RequestInit, "body"> & { body?: unknown } = {}): Promise<T> {
  const { body, headers, ...rest } = init;
  const form = body instanceof FormData;
  const response = await fetch(path, {
    ...rest,
    headers: {
      accept: "application/json",
      ...(body !== undefined && !form ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const err = (data as ApiErrorBody | null)?.error ?? {
      code: "internal",
      message: `Request failed (${response.status})`,
    };
    throw new ApiError(response.status, err);
  }
  return data as T;
}
