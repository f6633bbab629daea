import pino from "pino";
import { env } from "./env";
import { currentRequestId } from "./ops/request-context";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { app: "casework" },
  // The request (or the job a request queued) each line belongs to, so one search finds them all.
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: ["password", "*.password", "token", "*.token", "headers.authorization", "headers.cookie"],
});
