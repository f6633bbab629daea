import type { TaskKind } from "@/db/schema";

export interface TemplateTask {
  /** Stable identity of the step within its template: never renumber, only append. */
  step: number;
  kind: TaskKind;
  title: string;
  /** Due this many hours after the template is applied. */
  dueInHours: number;
}

export interface RemediationTemplate {
  id: string;
  name: string;
  description: string;
  tasks: readonly TemplateTask[];
}

const hours = (n: number) => n;
const days = (n: number) => n * 24;

/**
 * Remediation templates are data: a new template is a new entry here, a new task a new step.
 * Applying a template records (case, template, step) on each task, and the table is unique on
 * that triple, so applying it again adds only the steps the case does not have yet.
 */
const templates = {
  "fake-remote-worker": {
    id: "fake-remote-worker",
    name: "Suspected fake remote worker",
    description: "The standard containment steps once a hire is believed to work under a fabricated persona, in order.",
    tasks: [
      {
        step: 1,
        kind: "preserve_evidence",
        title:
          "Preserve evidence: image the device; export identity-provider, VPN, EDR and remote-access logs; keep interview recordings and chats",
        dueInHours: hours(4),
      },
      {
        step: 2,
        kind: "revoke_access",
        title:
          "Revoke access everywhere: SSO sessions and refresh tokens, OAuth grants, API and SSH keys, source-control membership, cloud roles",
        dueInHours: hours(4),
      },
      { step: 3, kind: "rotate_secrets", title: "Rotate every secret the worker could reach", dueInHours: days(1) },
      {
        step: 4,
        kind: "recover_device",
        title: "Recover the device; check its serial against onboarding records and look for an attached KVM",
        dueInHours: days(5),
      },
      {
        step: 5,
        kind: "stop_payroll",
        title: "Stop payroll and hold final pay; ask counsel about blocking and reporting the funds",
        dueInHours: days(1),
      },
      {
        step: 6,
        kind: "review_access",
        title: "Review code and data access for backdoors and exfiltration",
        dueInHours: days(7),
      },
      {
        step: 7,
        kind: "hunt_personas",
        title: "Hunt linked personas through shared identifiers and the people the worker referred",
        dueInHours: days(7),
      },
      { step: 8, kind: "notify_vendor", title: "Notify the staffing vendor", dueInHours: days(2) },
      {
        step: 9,
        kind: "notify_customers",
        title: "Notify customers and regulators where data was exposed",
        dueInHours: days(3),
      },
      {
        step: 10,
        kind: "correct_records",
        title: "Correct records for a stolen identity: the real person is a victim",
        dueInHours: days(14),
      },
      {
        step: 11,
        kind: "other",
        title:
          "Do not pay extortion: paying a sanctioned actor is itself a sanctions exposure; route any demand to counsel",
        dueInHours: days(1),
      },
    ],
  },
} as const satisfies Record<string, RemediationTemplate>;

export type RemediationTemplateId = keyof typeof templates;
export const remediationTemplates: Record<RemediationTemplateId, RemediationTemplate> = templates;
export const remediationTemplateIds = Object.keys(templates) as [RemediationTemplateId, ...RemediationTemplateId[]];
