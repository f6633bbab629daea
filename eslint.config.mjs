import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// ESLint selects files by name, not content, so the "use client" modules outside the folders
// below are found here at load time; a new one is covered by the next lint run.
const root = import.meta.dirname;
const useClientFiles = ["app", "lib"].flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(path.join(root, file), "utf8")))
    // Literal paths, not globs: route folders such as [id] or (app) must not act as patterns.
    .map((file) => file.replace(/[[\]{}()*?!+@]/g, "\\$&")),
);

// Browser code (and the lib modules it shares with the server) may take types from db/, never
// values: a value import ships drizzle's column classes and the table definitions to the client.
const browserCode = {
  files: [
    "components/**/*.{ts,tsx}",
    "lib/client/**/*.{ts,tsx}",
    "app/**/_components/**/*.{ts,tsx}",
    "lib/*/constants.ts",
    "lib/*/schema.ts",
    "lib/*/views.ts",
    "lib/format.ts",
    "lib/utils.ts",
    ...useClientFiles,
  ],
  ignores: ["**/*.test.{ts,tsx}"],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/db", "@/db/*", "**/db", "**/db/*"],
            allowTypeImports: true,
            message:
              "Browser code imports only types from db/; take enum lists and constants from lib/<area>/constants.ts.",
          },
          {
            group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*"],
            allowTypeImports: true,
            message: "Database drivers and drizzle stay on the server.",
          },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  browserCode,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
