import { scanEveryPage } from "./fixtures/axe";

// What legal works in (referrals, screening, the cases they are members of), scanned with axe.
scanEveryPage("legal", [
  ["dashboard", () => "/"],
  ["referrals", () => "/referrals"],
  ["referral queue", () => "/referrals/queue"],
  ["case", (w) => `/cases/${w.caseId}`],
  ["case referrals", (w) => `/cases/${w.caseId}?tab=referrals`],
  ["screening", () => "/screen"],
  ["exports", () => "/exports"],
  ["my tasks", () => "/tasks"],
  ["search", (w) => `/search?q=${encodeURIComponent(w.word)}`],
]);
