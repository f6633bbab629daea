import fs from "node:fs";
import { type Env, env as processEnv } from "@/lib/env";

/**
 * On PostgreSQL several instances may serve one deployment, so the secrets that sign sessions,
 * hash government ids and sign evidence packs must be the same everywhere: one generated per
 * instance in its data folder would sign packs with different keys and hash the same id
 * differently, silently missing matches. There the start refuses without them; the embedded
 * database (one process) keeps generating them in the data folder.
 */
export function missingSharedSecrets(env: Env = processEnv): string[] {
  if (!env.DATABASE_URL || env.DATABASE_URL.startsWith("memory://")) return [];
  const problems: string[] = [];
  if (!env.AUTH_SECRET)
    problems.push(
      "AUTH_SECRET (signs session tokens, 32+ characters): make one with `openssl rand -base64 32`; " +
        "an instance that ran alone has it in DATA_DIR/auth-secret.",
    );
  if (!env.IDENTIFIER_HASH_KEY)
    problems.push(
      "IDENTIFIER_HASH_KEY (keyed hash of government ids, 32+ characters): if this database ran with a " +
        "generated key, use that one (DATA_DIR/identifier-hash-key), since a new key stops stored ids from " +
        "matching; for a new database make one with `openssl rand -base64 32`.",
    );
  const keyHelp =
    "(the Ed25519 key that signs evidence packs and audit anchors, a PEM file): make one with " +
    "`openssl genpkey -algorithm ed25519 -out signing-key.pem && chmod 600 signing-key.pem`, or use the " +
    "DATA_DIR/signing-key.pem of an instance that ran alone, so packs it signed keep verifying.";
  if (!env.SIGNING_KEY_FILE) problems.push(`SIGNING_KEY_FILE ${keyHelp}`);
  else if (!fs.existsSync(env.SIGNING_KEY_FILE))
    problems.push(`SIGNING_KEY_FILE names ${env.SIGNING_KEY_FILE}, which does not exist ${keyHelp}`);
  return problems;
}

/** Throws with a message naming each missing secret and how to make it. */
export function requireSharedSecrets(env: Env = processEnv): void {
  const problems = missingSharedSecrets(env);
  if (problems.length === 0) return;
  throw new Error(
    "On PostgreSQL every instance must share these secrets; set them in the environment:\n" +
      problems.map((p) => `  - ${p}`).join("\n"),
  );
}

/** For the server's start-up: prints what is missing and exits, rather than serving half-configured. */
export function exitUnlessSharedSecrets(): void {
  try {
    requireSharedSecrets();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
