/**
 * The one table of red-flag weights (codes from shared/domain/red-flags.md). A persona's risk
 * score is the sum of the weights of the flags recorded against it, capped at 100, and every
 * point of it can be traced to a flag on the persona page.
 */
export interface RiskWeight {
  weight: number;
  label: string;
  group: "Hiring" | "Onboarding and devices" | "Network and access" | "Payments" | "After discovery";
}

export const RISK_CAP = 100;

export const riskWeights = {
  NO_VIDEO: { weight: 15, label: "Refuses or avoids camera", group: "Hiring" },
  VIDEO_MISMATCH: { weight: 25, label: "Interviewee differs from worker or looks altered", group: "Hiring" },
  INTERVIEW_READING: { weight: 8, label: "Reads answers, plausible-but-wrong answers", group: "Hiring" },
  PROFILE_MISMATCH: { weight: 12, label: "Résumé differs from online profiles", group: "Hiring" },
  UNVERIFIABLE_EDUCATION: { weight: 8, label: "Degree that cannot be checked", group: "Hiring" },
  REUSED_IDENTIFIER: { weight: 20, label: "Identifier already seen on another persona", group: "Hiring" },
  BACKFILLED_GITHUB: { weight: 10, label: "New account with backfilled or copied history", group: "Hiring" },
  LOW_RATE_ACCEPTED: { weight: 4, label: "Accepts an unusually low rate", group: "Hiring" },
  REFERS_CANDIDATES: { weight: 8, label: "Brings in other applicants", group: "Hiring" },
  SHIP_ADDRESS_CHANGE: {
    weight: 15,
    label: "Laptop sent to another address or a forwarder",
    group: "Onboarding and devices",
  },
  LAPTOP_FARM: { weight: 30, label: "Address linked to many devices", group: "Onboarding and devices" },
  IP_KVM: { weight: 30, label: "IP-KVM (PiKVM, TinyPilot) seen", group: "Onboarding and devices" },
  REMOTE_ACCESS_TOOL: {
    weight: 15,
    label: "Remote-access tool on the company device",
    group: "Onboarding and devices",
  },
  VPN_ASTRILL: { weight: 15, label: "Astrill or other VPN / residential proxy", group: "Network and access" },
  IMPOSSIBLE_TRAVEL: {
    weight: 12,
    label: "Sign-ins from several countries in a short time",
    group: "Network and access",
  },
  SHARED_EGRESS: { weight: 20, label: "Two workers from one IP", group: "Network and access" },
  TIMEZONE_MISMATCH: { weight: 8, label: "Working hours do not fit the claimed location", group: "Network and access" },
  UNMANAGED_DEVICE: { weight: 6, label: "Unmanaged device", group: "Network and access" },
  CRYPTO_PAYOUT: { weight: 15, label: "Asks to be paid in crypto", group: "Payments" },
  PAYMENT_PLATFORM: { weight: 6, label: "Payment platform (Payoneer, Wise…)", group: "Payments" },
  PAYMENT_CHANGES: { weight: 8, label: "Frequent payment-account changes", group: "Payments" },
  SHARED_BANK: { weight: 25, label: "Bank or payout details shared with others", group: "Payments" },
  SANCTIONS_HIT: { weight: 50, label: "Identifier on a sanctions list", group: "Payments" },
  CODE_EXFIL: { weight: 30, label: "Repositories copied to personal accounts", group: "After discovery" },
  CREDENTIAL_HARVEST: { weight: 25, label: "Credential harvesting", group: "After discovery" },
  EXTORTION: { weight: 35, label: "Threat to leak data or code", group: "After discovery" },
  // Marks a real person whose identity was used: evidence that they are a victim, so it adds nothing.
  STOLEN_IDENTITY: { weight: 0, label: "A real person's identity was used (victim)", group: "After discovery" },
} as const satisfies Record<string, RiskWeight>;

export type RedFlagCode = keyof typeof riskWeights;

export function isRedFlagCode(code: string): code is RedFlagCode {
  return Object.hasOwn(riskWeights, code);
}

export interface RiskExplanation {
  score: number;
  sum: number;
  capped: boolean;
  items: { code: string; label: string; weight: number }[];
}

/** The score and its reasons; unknown codes (older data) count zero but are still listed. */
export function explainRisk(codes: readonly string[]): RiskExplanation {
  const items = codes.map((code) => {
    const w = isRedFlagCode(code) ? riskWeights[code] : undefined;
    return { code, label: w?.label ?? code, weight: w?.weight ?? 0 };
  });
  items.sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  const sum = items.reduce((total, i) => total + i.weight, 0);
  return { score: Math.min(RISK_CAP, sum), sum, capped: sum > RISK_CAP, items };
}
