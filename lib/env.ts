import path from "node:path";
import { z } from "zod";
import { checkSsoEnv, ssoConfigFrom, ssoEnvFields } from "./auth/sso-env";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const baseSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgres://… for a PostgreSQL server; unset for the embedded database; `memory://` for tests. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^(postgres(ql)?:\/\/|memory:\/\/)/.test(v), {
      message: "must start with postgres://, postgresql:// or memory://",
    }),
  DATA_DIR: z
    .string()
    .default("./data")
    .transform((v) => path.resolve(v)),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The app's public address; Auth.js reads it too. Unset: each request's Host (or X-Forwarded-Host). */
  AUTH_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^https?$/, message: "must be an http:// or https:// address" }).optional()),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Where `npm start` listens: this machine only by default, since the demo's passwords are public.
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest JSON body accepted by the API, in bytes. */
  MAX_JSON_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Largest evidence file accepted, in bytes (default 2 GiB). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
  /** Requests one API token may make per minute; more answer 429 with Retry-After. */
  API_TOKEN_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  /** Key for the keyed hash of government ids (shared by every instance); generated in DATA_DIR when unset. */
  IDENTIFIER_HASH_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * An RFC 3161 time-stamping authority (http:// or https://). Set: every evidence pack's manifest
   * is timestamped by it at build time (manifest.tsr). Unset: packs carry no trusted timestamp.
   */
  TSA_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^https?$/, message: "must be an http:// or https:// address" }).optional())
    // The address is written into every pack's manifest, so it must carry no secret.
    .refine((v) => v === undefined || !/^https?:\/\/[^/]*@/i.test(v), {
      message: "must not contain a user name or password",
    }),
  /**
   * PEM file of the CA certificates of the time-stamping authorities trusted. Set: verify-pack also
   * checks that a pack's timestamp was signed by a certificate chaining to one of them.
   */
  TSA_CA_FILE: z.string().trim().min(1).optional(),
  /** `off`: this web process runs no background jobs (a separate `npm run worker` does). */
  WORKER: z.enum(["on", "off"]).default("on"),
  /** How long a claimed job is held without a renewal; a process that died loses its jobs after this. */
  JOB_LEASE_MS: z.coerce.number().int().min(500).default(60_000),
  /** How long a stopping process waits for its running jobs before handing them back. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(25_000),
  /** Path of the Ed25519 private key (PEM, PKCS#8) that signs evidence packs and audit anchors. */
  SIGNING_KEY_FILE: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? path.resolve(v) : undefined)),
  /** Bearer token that /api/metrics asks for; unset, the metrics endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** SMTP server for notification e-mail (smtp://user:pass@host:587, smtps://… for TLS); unset: no e-mail is sent. */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// address" }).optional()),
  /** The From address of notification e-mail. */
  MAIL_FROM: z
    .string()
    .trim()
    .default("casework@localhost")
    .refine((v) => /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(v), {
      message: "must be an e-mail address, optionally as Name <address>",
    }),
  /** Lets webhooks reach loopback, private and link-local addresses (tests, on-premises receivers). */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: booleanString,
  /** Seed demo users and data into an empty database at start-up (default: only on the embedded database). */
  SEED_DEMO: booleanString,
  /** Where evidence and export packs are kept: the data folder (default) or an S3-compatible bucket. */
  STORAGE: z.enum(["local", "s3"], { message: "must be local or s3" }).default("local"),
  /** An S3-compatible server's address (MinIO, Swift, Ceph…); unset: AWS itself, in S3_REGION. */
  S3_ENDPOINT: optionalText.pipe(
    z.url({ protocol: /^https?$/, message: "must be an http:// or https:// address" }).optional(),
  ),
  S3_BUCKET: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3-63 lowercase letters, digits, . or -)")
      .optional(),
  ),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  // The standard AWS variables, read here so a half-set pair fails at start-up instead of at the first upload.
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_SESSION_TOKEN: optionalText,
  /** Single sign-on (OpenID Connect) and PASSWORD_LOGIN: lib/auth/sso-env.ts. */
  ...ssoEnvFields,
});

function checkStorage(env: z.infer<typeof baseSchema>, ctx: z.RefinementCtx): void {
  if (env.STORAGE !== "s3") return;
  if (!env.S3_BUCKET)
    ctx.addIssue({
      code: "custom",
      path: ["S3_BUCKET"],
      message: "is required when STORAGE=s3 (the bucket to keep files in)",
    });
  if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY))
    ctx.addIssue({
      code: "custom",
      path: [env.AWS_ACCESS_KEY_ID ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID"],
      message:
        "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together (or neither, for the SDK's other credential sources)",
    });
}

export const envSchema = baseSchema.superRefine(checkStorage).superRefine(checkSsoEnv);

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** Single sign-on's settings, or null when it is not configured. */
export const ssoConfig = ssoConfigFrom(env);
