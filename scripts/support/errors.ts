import { ZodError } from "zod";
import { AppError, fromZodError } from "@/lib/errors";

/** Bad command-line input: shown with a pointer to the usage text and exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint = "Run `npm run cli -- help` to see the commands.",
  ) {
    super(message);
    this.name = "UsageError";
  }
}

function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.map((d: { path?: unknown; message?: unknown }) => {
    const path = typeof d?.path === "string" && d.path ? `${d.path}: ` : "";
    return `  - ${path}${String(d?.message ?? JSON.stringify(d))}`;
  });
}

/**
 * One readable message for an operator: what went wrong and, for validation errors, which field.
 * No stack traces: the reader is running a command, not debugging the code.
 */
export function formatError(error: unknown): string {
  if (error instanceof UsageError) return `error: ${error.message}\n${error.hint}`;
  const appError = error instanceof ZodError ? fromZodError(error) : error;
  if (appError instanceof AppError) return [`error: ${appError.message}`, ...detailLines(appError.details)].join("\n");
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `\n  caused by: ${error.cause.message}` : "";
    return `error: ${error.message}${cause}`;
  }
  return `error: ${String(error)}`;
}
