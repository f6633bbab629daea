import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { dataFolderSecret } from "@/lib/secrets";

/**
 * The key that signs session tokens: AUTH_SECRET when set (required when several instances
 * serve one deployment), else one created once in the data folder so a first start just works.
 */
export function authSecret(): string {
  return env.AUTH_SECRET ?? dataFolderSecret("auth-secret", () => randomBytes(32).toString("base64url") + "\n").trim();
}
