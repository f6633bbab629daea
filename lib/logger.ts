import pino from "pino";
import { env } from "./env";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { app: "casework" },
  redact: ["password", "*.password", "token", "*.token", "headers.authorization", "headers.cookie"],
});
