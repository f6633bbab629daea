import { scanEveryPage } from "./fixtures/axe";
import type { World } from "./fixtures/world";

const caseTabs = ["overview", "evidence", "personas", "remediation", "referrals", "timeline", "activity"];

// The pages an investigator works in, a case's every tab among them, scanned with axe.
scanEveryPage("investigator", [
  ...caseTabs.map(
    (tab) => [`case: ${tab}`, (w: World) => `/cases/${w.caseId}${tab === "overview" ? "" : `?tab=${tab}`}`] as const,
  ),
  ["cases", () => "/cases"],
  ["new case", () => "/cases/new"],
  ["evidence item", (w) => `/evidence/${w.evidenceId}`],
  ["personas", () => "/personas"],
  ["persona", (w) => `/personas/${w.personaId}`],
  ["new persona", () => "/personas/new"],
  ["review matches", () => "/review"],
  ["screening", () => "/screen"],
  ["new import", (w) => `/imports/new?caseId=${w.caseId}`],
  ["import", (w) => `/imports/${w.importId}`],
  ["exports", () => "/exports"],
  ["export", (w) => `/exports/${w.exportId}`],
  ["my tasks", () => "/tasks"],
]);
