import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { assertLocalDatabase } from "./local-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

/**
 * With DATABASE_URL set, every run gets a fresh PostgreSQL database beside the given one,
 * dropped afterwards; without it, each test file gets its own in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "casework-vitest-"));
  project.provide("dataDir", dataDir);
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide("databaseUrl", "memory://");
    return () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const url = assertLocalDatabase(base);
  const name = `casework_vitest_${Date.now()}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  url.pathname = `/${name}`;
  project.provide("databaseUrl", url.toString());
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
