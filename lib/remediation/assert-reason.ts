import type { TaskStatus } from "@/db/schema";
import { AppError } from "@/lib/errors";

const reasonMessage = "Say why this task does not apply";

/** `not_applicable` is a decision, so it needs its reason written down. */
export function assertReason(status: TaskStatus, note: string | null | undefined): void {
  if (status === "not_applicable" && !note?.trim())
    throw new AppError("bad_request", reasonMessage, [{ path: "completionNote", message: reasonMessage }]);
}
