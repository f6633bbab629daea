import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../vitest.config.mts";

// The main suite only looks in lib, db, app, components and scripts; this runs the bench's own
// tests (`npx vitest run -c bench/vitest.config.mts`) with the same aliases and database set-up.
const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({ ...base, root, test: { ...base.test, include: ["bench/**/*.test.ts"] } });
