import type { UserRole } from "@/db/schema";

export type DemoUserKey = "admin" | "manager" | "investigator" | "investigator2" | "legal";

export interface DemoLogin {
  key: DemoUserKey;
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

// Published passwords: fine for a demo on a laptop, never for a shared deployment (start.ts warns).
export const demoLogins: readonly DemoLogin[] = [
  { key: "admin", email: "admin@example.com", name: "Avery Admin", role: "admin", password: "demo-admin-2026!" },
  {
    key: "manager",
    email: "manager@example.com",
    name: "Morgan Manager",
    role: "manager",
    password: "demo-manager-2026!",
  },
  {
    key: "investigator",
    email: "investigator@example.com",
    name: "Ivy Investigator",
    role: "investigator",
    password: "demo-investigator-2026!",
  },
  {
    key: "investigator2",
    email: "investigator2@example.com",
    name: "Ira Investigator",
    role: "investigator",
    password: "demo-investigator2-2026!",
  },
  { key: "legal", email: "legal@example.com", name: "Lee Legal", role: "legal", password: "demo-legal-2026!" },
];

/** The demo logins as an aligned table for a terminal. */
export function formatDemoLogins(logins: readonly DemoLogin[] = demoLogins): string {
  const rows = [["email", "password", "role"], ...logins.map((l) => [l.email, l.password, l.role])];
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) => `  ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("   ")}`.trimEnd();
  return rows.map(line).join("\n");
}
