import type { CaseMemberRole, casePersonaRoles, CaseStatus, Severity, TaskKind, TaskStatus } from "@/db/schema";
import type { PersonaKey } from "./personas";
import type { DemoUserKey } from "./users";

/** Dates are in days relative to the moment of seeding (negative = in the past) so the demo looks alive. */
type CasePersonaRole = (typeof casePersonaRoles)[number];

export interface DemoTask {
  kind: TaskKind;
  title: string;
  owner: DemoUserKey;
  dueInDays: number;
  status: TaskStatus;
  completionNote?: string;
}

export interface DemoCase {
  title: string;
  summary: string;
  status: CaseStatus;
  severity: Severity;
  lead: DemoUserKey;
  members: { user: DemoUserKey; role: CaseMemberRole }[];
  subject: {
    name: string;
    role: string;
    team: string;
    hiringChannel: string;
    startedDaysAgo: number | null;
    accessLevel: string;
    location: string;
  };
  tags: string[];
  openedDaysAgo: number;
  containedDaysAgo?: number;
  closedDaysAgo?: number;
  closingReason?: string;
  dueInDays?: number;
  personas: { persona: PersonaKey; role: CasePersonaRole }[];
  notes: { author: DemoUserKey; daysAgo: number; body: string }[];
  tasks: DemoTask[];
}

export const demoCases: readonly DemoCase[] = [
  {
    title: "Senior Solidity engineer: laptop at a forwarding address, pay to a USDC wallet",
    summary:
      "Contractor placed by a staffing vendor. Company laptop redirected to a freight-forwarder unit that received other laptops; IP-KVM on the device; payouts to a wallet shared with two other personas.",
    status: "referred",
    severity: "critical",
    lead: "investigator",
    members: [
      { user: "investigator", role: "investigator" },
      { user: "investigator2", role: "investigator" },
      { user: "legal", role: "legal" },
    ],
    subject: {
      name: "Ethan Exampleton",
      role: "Senior Solidity Engineer",
      team: "Payments Platform",
      hiringChannel: "Staffing vendor: Brightpath Talent (fictional)",
      startedDaysAgo: 95,
      accessLevel: "Production read; GitHub org write; signing-key ceremony observer",
      location: "Austin, Texas, USA (claimed)",
    },
    tags: ["laptop-farm", "crypto-payout", "ip-kvm", "vendor"],
    openedDaysAgo: 30,
    containedDaysAgo: 27,
    personas: [
      { persona: "exampleton", role: "subject" },
      { persona: "farmstead", role: "facilitator" },
      { persona: "goldfox", role: "associate" },
    ],
    notes: [
      {
        author: "investigator",
        daysAgo: 29,
        body: "## Initial triage\n\nEDR flagged a **PiKVM-style USB device** on laptop `C02DEMO12345`. Shipping record shows the laptop went to the forwarding address, not the résumé address.\n\n- Interviews: camera never on\n- Payroll: asked for 50% in USDC",
      },
      {
        author: "investigator2",
        daysAgo: 20,
        body: "Phone `+1 202-555-0147` and the USDC wallet also appear on **Lucas Samplewood** (contractor case) and on an applicant. Opened correlation with the other cases.",
      },
      {
        author: "legal",
        daysAgo: 2,
        body: "IC3 complaint submitted with the narrative and identifier list. Hold the final payment until counsel confirms the sanctions position. Do **not** engage with any payment demand.",
      },
    ],
    tasks: [
      {
        kind: "preserve_evidence",
        title: "Image the laptop and export IdP, VPN and EDR logs",
        owner: "investigator",
        dueInDays: -27,
        status: "done",
        completionNote: "Images hashed and stored as exhibits",
      },
      {
        kind: "revoke_access",
        title: "Revoke SSO sessions, OAuth grants, SSH and API keys, GitHub membership",
        owner: "investigator",
        dueInDays: -28,
        status: "done",
        completionNote: "All sessions revoked within 2 hours of containment",
      },
      {
        kind: "rotate_secrets",
        title: "Rotate deploy keys and the payments API secrets",
        owner: "investigator2",
        dueInDays: -3,
        status: "in_progress",
      },
      {
        kind: "recover_device",
        title: "Recover laptop C02DEMO12345 and check for an attached KVM",
        owner: "investigator2",
        dueInDays: -1,
        status: "todo",
      },
      {
        kind: "stop_payroll",
        title: "Stop payroll and hold the final payment",
        owner: "legal",
        dueInDays: -26,
        status: "done",
        completionNote: "Vendor invoice on hold",
      },
      {
        kind: "review_access",
        title: "Review commits and data access for backdoors and exfiltration",
        owner: "investigator",
        dueInDays: 5,
        status: "in_progress",
      },
      {
        kind: "hunt_personas",
        title: "Hunt linked personas through the shared phone and wallet",
        owner: "investigator2",
        dueInDays: 10,
        status: "todo",
      },
      {
        kind: "notify_vendor",
        title: "Notify Brightpath Talent and request their onboarding records",
        owner: "legal",
        dueInDays: 7,
        status: "todo",
      },
    ],
  },
  {
    title: "Backend contractor shares phone, wallet and egress IP with the Solidity case",
    summary:
      "Freelance-platform contractor paid through Payoneer. Same VoIP number, USDC wallet and residential-proxy IP as the Exampleton persona. Access cut; reviewing what was touched.",
    status: "contained",
    severity: "high",
    lead: "investigator2",
    members: [
      { user: "investigator2", role: "investigator" },
      { user: "investigator", role: "observer" },
    ],
    subject: {
      name: "Lucas Samplewood",
      role: "Backend Engineer (contract)",
      team: "Core API",
      hiringChannel: "Freelance platform",
      startedDaysAgo: 70,
      accessLevel: "Staging; read-only production logs",
      location: "Toronto, Canada (claimed)",
    },
    tags: ["shared-identifier", "payment-platform", "freelance"],
    openedDaysAgo: 19,
    containedDaysAgo: 17,
    dueInDays: 12,
    personas: [
      { persona: "samplewood", role: "subject" },
      { persona: "farmstead", role: "facilitator" },
      { persona: "goldfox", role: "associate" },
    ],
    notes: [
      {
        author: "investigator2",
        daysAgo: 18,
        body: "Opened from the correlation in the Solidity case. Contractor denies knowing Exampleton; both sign in from `203.0.113.45` within minutes of each other.",
      },
    ],
    tasks: [
      {
        kind: "preserve_evidence",
        title: "Export platform messages and the contractor's VPN logs",
        owner: "investigator2",
        dueInDays: -17,
        status: "done",
      },
      {
        kind: "revoke_access",
        title: "Remove staging and log access",
        owner: "investigator2",
        dueInDays: -17,
        status: "done",
        completionNote: "Access removed; tokens revoked",
      },
      {
        kind: "stop_payroll",
        title: "Stop payment through the freelance platform",
        owner: "investigator2",
        dueInDays: -16,
        status: "not_applicable",
        completionNote: "Paid per milestone; no payroll",
      },
      {
        kind: "review_access",
        title: "Review staging and log access for data taken",
        owner: "investigator2",
        dueInDays: -2,
        status: "in_progress",
      },
      {
        kind: "notify_vendor",
        title: "Report the account to the freelance platform",
        owner: "investigator2",
        dueInDays: 4,
        status: "todo",
      },
    ],
  },
  {
    title: "Applicant with backfilled GitHub and a résumé shared with an earlier applicant",
    summary:
      "Senior React applicant. Résumé file identical to an earlier applicant's; phone and wallet match the Solidity and contractor cases. Video call showed face-swap artefacts.",
    status: "investigating",
    severity: "high",
    lead: "investigator",
    members: [{ user: "investigator", role: "investigator" }],
    subject: {
      name: "Sofia Fictionova",
      role: "Senior Frontend Engineer (applicant)",
      team: "Web",
      hiringChannel: "Employee referral",
      startedDaysAgo: null,
      accessLevel: "None (applicant)",
      location: "Warsaw, Poland (claimed)",
    },
    tags: ["applicant", "deepfake", "shared-identifier"],
    openedDaysAgo: 9,
    dueInDays: 5,
    personas: [
      { persona: "fictionova", role: "subject" },
      { persona: "dummic", role: "associate" },
    ],
    notes: [
      {
        author: "investigator",
        daysAgo: 8,
        body: "Recruiting paused the process. The referral came from **Aleksandar Dummic**, whose résumé has the same SHA-256.",
      },
    ],
    tasks: [],
  },
  {
    title: "Impossible travel on a data engineer's account",
    summary:
      "Identity-provider alert: sign-ins from the US and Asia 40 minutes apart, one through a known VPN exit. Not yet triaged.",
    status: "triage",
    severity: "medium",
    lead: "investigator2",
    members: [{ user: "investigator2", role: "investigator" }],
    subject: {
      name: "Kenji Placeholdo",
      role: "Data Engineer",
      team: "Analytics",
      hiringChannel: "Direct application",
      startedDaysAgo: 120,
      accessLevel: "Warehouse read/write",
      location: "Seattle, Washington, USA",
    },
    tags: ["impossible-travel", "vpn"],
    openedDaysAgo: 1,
    dueInDays: 3,
    personas: [{ persona: "placeholdo", role: "subject" }],
    notes: [],
    tasks: [],
  },
  {
    title: "Terminated contractor threatens to leak source code",
    summary:
      "After termination for non-performance the contractor demanded 2 BTC not to publish four private repositories. Repositories were rotated; no payment made.",
    status: "closed",
    severity: "high",
    lead: "investigator",
    members: [
      { user: "investigator", role: "investigator" },
      { user: "legal", role: "legal" },
    ],
    subject: {
      name: "Marko Demović",
      role: "Mobile Developer (contract)",
      team: "Mobile",
      hiringChannel: "Staffing vendor: Nearshore Example Partners (fictional)",
      startedDaysAgo: 200,
      accessLevel: "Mobile repositories; test devices",
      location: "Zagreb, Croatia (claimed)",
    },
    tags: ["extortion", "code-exfiltration"],
    openedDaysAgo: 75,
    containedDaysAgo: 74,
    closedDaysAgo: 10,
    closingReason: "Secrets rotated, repositories reviewed, no payment made. Reported; no further contact in 60 days.",
    personas: [{ persona: "demovic", role: "subject" }],
    notes: [
      {
        author: "legal",
        daysAgo: 70,
        body: "Paying could itself be a sanctions exposure. **No payment.** Preserve the threat emails with headers.",
      },
    ],
    tasks: [],
  },
  {
    title: "Working hours out of line with the claimed location",
    summary: "Automated check flagged a timezone mismatch. HR confirmed an approved relocation; no other indicators.",
    status: "cleared",
    severity: "low",
    lead: "investigator2",
    members: [{ user: "investigator2", role: "investigator" }],
    subject: {
      name: "Priya Mockford",
      role: "QA Engineer",
      team: "Platform Quality",
      hiringChannel: "Direct application",
      startedDaysAgo: 400,
      accessLevel: "Staging",
      location: "Lisbon, Portugal",
    },
    tags: ["false-positive"],
    openedDaysAgo: 40,
    closedDaysAgo: 36,
    closingReason: "False alarm: approved relocation confirmed by HR.",
    personas: [{ persona: "mockford", role: "subject" }],
    notes: [],
    tasks: [],
  },
];

/** The referral filed on the first (referred) case, with what was disclosed. */
export const demoReferral = {
  caseIndex: 0,
  destination: "fbi_ic3",
  destinationName: "FBI Internet Crime Complaint Center (IC3)",
  referenceNo: "DEMO-IC3-2026-0001",
  submittedDaysAgo: 2,
  contact: "ic3.gov online complaint form",
  notes: "Narrative, subject identifiers, payment records and wallet address supplied.",
  disclosure: {
    what: "Narrative summary, identifier list and payment records (demo)",
    recipient: "FBI IC3 (online complaint)",
    note: "Submitted through the online form; confirmation e-mail kept as an exhibit.",
  },
} as const;
