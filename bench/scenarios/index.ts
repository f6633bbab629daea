import { caseListScenarios } from "./case-list";
import { casePageScenarios } from "./case-page";
import { mixedScenario } from "./mixed";
import { mixedInstancesScenario } from "./mixed-instances";
import { overviewScenarios } from "./overview";
import { personaScenarios } from "./personas";
import { transferScenarios } from "./transfers";
import type { Scenario } from "./types";

/** Every scenario, in the order they run: reads first, then writes, then the long transfers. */
export const scenarios: Scenario[] = [
  ...caseListScenarios,
  ...casePageScenarios,
  ...overviewScenarios,
  ...personaScenarios,
  mixedScenario,
  mixedInstancesScenario,
  ...transferScenarios,
];
