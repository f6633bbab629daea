import { scanEveryPage } from "./fixtures/axe";

// The pages all roles share, and the admin's own, scanned with axe as an admin.
scanEveryPage("admin", [
  ["dashboard", () => "/"],
  ["printable dashboard", () => "/dashboard/print"],
  ["admin", () => "/admin"],
  ["account", () => "/account"],
  ["notifications", () => "/notifications"],
  ["search", (w) => `/search?q=${encodeURIComponent(w.word)}`],
  ["referrals", () => "/referrals"],
  ["referral queue", () => "/referrals/queue"],
  ["cases", () => "/cases"],
  ["case", (w) => `/cases/${w.caseId}`],
]);
