import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const GOOD_SECRET = "x".repeat(32);

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("fills in defaults", () => {
    const env = parseEnv({});
    expect(env.DATA_DIR).toBe(path.resolve("data"));
    expect(path.isAbsolute(env.DATA_DIR)).toBe(true);
    expect(env.PORT).toBe(3000);
    // The demo's passwords are public: npm start listens on this machine only unless told otherwise.
    expect(env.HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(env.MAX_UPLOAD_BYTES).toBe(2 * 1024 ** 3);
    expect(env.MAX_JSON_BYTES).toBe(1024 ** 2);
    expect(env.NODE_ENV).toBe("development");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.SEED_DEMO).toBe(false);
  });

  it("resolves a relative DATA_DIR to an absolute path", () => {
    expect(parseEnv({ DATA_DIR: "some/dir" }).DATA_DIR).toBe(path.join(process.cwd(), "some", "dir"));
    expect(parseEnv({ DATA_DIR: "/srv/casework" }).DATA_DIR).toBe("/srv/casework");
  });

  it("reads numbers and accepts the documented database URLs", () => {
    const env = parseEnv({
      PORT: "8080",
      MAX_UPLOAD_BYTES: "1024",
      DATABASE_URL: " postgresql://db/x ",
      AUTH_SECRET: GOOD_SECRET,
    });
    expect(env.PORT).toBe(8080);
    expect(env.MAX_UPLOAD_BYTES).toBe(1024);
    expect(env.DATABASE_URL).toBe("postgresql://db/x");
    expect(env.AUTH_SECRET).toBe(GOOD_SECRET);
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/db" }).DATABASE_URL).toBe("postgres://localhost/db");
    expect(parseEnv({ DATABASE_URL: "memory://" }).DATABASE_URL).toBe("memory://");
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names PORT when it is not a valid port", () => {
    for (const port of ["abc", "0", "65536", "80.5"]) {
      const message = errorOf({ PORT: port });
      expect(message, port).toMatch(/Invalid environment configuration/);
      expect(message, port).toMatch(/^\s+PORT: /m);
    }
  });

  it("names DATABASE_URL and the accepted schemes for any other scheme", () => {
    const message = errorOf({ DATABASE_URL: "mysql://localhost/db" });
    expect(message).toMatch(/^\s+DATABASE_URL: must start with postgres:\/\/, postgresql:\/\/ or memory:\/\//m);
  });

  it("names AUTH_SECRET when it is too short", () => {
    const message = errorOf({ AUTH_SECRET: "too-short" });
    expect(message).toMatch(/^\s+AUTH_SECRET: must be at least 32 characters/m);
    expect(message).not.toMatch(/PORT|DATABASE_URL/);
  });

  it("lists every invalid variable at once", () => {
    const message = errorOf({ PORT: "nope", AUTH_SECRET: "short", MAX_JSON_BYTES: "-1" });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/AUTH_SECRET/);
    expect(message).toMatch(/MAX_JSON_BYTES/);
  });

  it("reads TSA_URL as an http(s) address, unset when empty, and names it when it is not one", () => {
    expect(parseEnv({}).TSA_URL).toBeUndefined();
    expect(parseEnv({ TSA_URL: "" }).TSA_URL).toBeUndefined();
    expect(parseEnv({ TSA_URL: " http://127.0.0.1:3318/ " }).TSA_URL).toBe("http://127.0.0.1:3318/");
    expect(parseEnv({ TSA_URL: "https://tsa.example.org/tsr" }).TSA_URL).toBe("https://tsa.example.org/tsr");
    expect(errorOf({ TSA_URL: "ftp://tsa.example.org" })).toMatch(/^\s+TSA_URL: must be an http:\/\/ or https:\/\//m);
    expect(errorOf({ TSA_URL: "not a url" })).toMatch(/^\s+TSA_URL: /m);
    expect(errorOf({ TSA_URL: "https://user:secret@tsa.example.org/" })).toMatch(
      /^\s+TSA_URL: must not contain a user name or password/m,
    );
  });

  it("parses SEED_DEMO as a boolean", () => {
    expect(parseEnv({ SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ SEED_DEMO: "1" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ SEED_DEMO: "0" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ SEED_DEMO: "" }).SEED_DEMO).toBe(false);
    expect(errorOf({ SEED_DEMO: "yes" })).toMatch(/^\s+SEED_DEMO: /m);
  });
  it("keeps evidence in the data folder by default and asks for a bucket with STORAGE=s3", () => {
    expect(parseEnv({}).STORAGE).toBe("local");
    expect(errorOf({ STORAGE: "ftp" })).toMatch(/^\s+STORAGE: must be local or s3/m);
    expect(errorOf({ STORAGE: "s3" })).toMatch(/^\s+S3_BUCKET: is required when STORAGE=s3/m);
    expect(errorOf({ STORAGE: "s3", S3_BUCKET: "Not_A_Bucket" })).toMatch(/^\s+S3_BUCKET: must be a bucket name/m);
    expect(errorOf({ STORAGE: "s3", S3_BUCKET: "cw1", S3_ENDPOINT: "ftp://x" })).toMatch(
      /^\s+S3_ENDPOINT: must be an http/m,
    );
    expect(errorOf({ STORAGE: "s3", S3_BUCKET: "casework", AWS_ACCESS_KEY_ID: "key" })).toMatch(
      /^\s+AWS_SECRET_ACCESS_KEY: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together/m,
    );
    const s3 = parseEnv({
      STORAGE: "s3",
      S3_BUCKET: "casework",
      S3_ENDPOINT: "http://127.0.0.1:3380",
      AWS_ACCESS_KEY_ID: "casework:casework",
      AWS_SECRET_ACCESS_KEY: "secret",
    });
    expect(s3).toMatchObject({ STORAGE: "s3", S3_BUCKET: "casework", S3_REGION: "us-east-1" });
  });
});
