import type { Severity } from "@/db/schema";
import type { RemediationTemplateId } from "@/lib/remediation/templates";

export interface CaseTemplate {
  id: string;
  name: string;
  description: string;
  tags: string[];
  severity: Severity;
  /** Remediation tasks added with the case (lib/remediation/templates.ts). */
  remediationTemplate?: RemediationTemplateId;
}

/** Case templates are data: a new one is a new entry here. Remediation tasks hang off the same id. */
export const caseTemplates: Record<string, CaseTemplate> = {
  "fake-remote-worker": {
    id: "fake-remote-worker",
    name: "Suspected fake remote worker",
    description: "A hire or applicant who may be working under a fabricated persona.",
    tags: ["fake-remote-worker", "insider-risk"],
    severity: "high",
    remediationTemplate: "fake-remote-worker",
  },
};
