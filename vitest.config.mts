import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    // Lib modules guard against client bundling with "server-only"; tests are server code.
    alias: {
      "@": root,
      "server-only": path.join(root, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    // Only vitest files: Playwright's *.spec.ts files under e2e/ are not for vitest.
    include: ["{lib,db,app,components,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup.ts"],
    pool: "forks",
    // next-auth imports "next/server" and "next/headers" without the ".js" that Node's ESM
    // resolver needs (next has no "exports" map); transformed by Vite, they resolve as in Next.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
