import { scanEveryPage } from "./fixtures/axe";

// What a manager reads (no tasks, no exports), scanned with axe.
scanEveryPage("manager", [
  ["dashboard", () => "/"],
  ["cases", () => "/cases"],
  ["case", (w) => `/cases/${w.caseId}`],
  ["case graph", (w) => `/cases/${w.caseId}?tab=personas`],
  ["personas", () => "/personas"],
  ["persona", (w) => `/personas/${w.personaId}`],
  ["referrals", () => "/referrals"],
  ["account", () => "/account"],
]);
