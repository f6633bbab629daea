/** Row targets per scale. `large` is what the feature issues' speed targets are stated against. */
export interface ScaleCounts {
  users: number;
  cases: number;
  notes: number;
  auditEvents: number;
  personas: number;
  identifiers: number;
  personaIdentifiers: number;
  tasks: number;
  referrals: number;
  evidence: number;
}

export const scaleNames = ["small", "medium", "large"] as const;
export type ScaleName = (typeof scaleNames)[number];

// "1,000,000 notes and activity rows": half case notes, half audit events tied to cases.
const large: ScaleCounts = {
  users: 300,
  cases: 100_000,
  notes: 500_000,
  auditEvents: 500_000,
  personas: 200_000,
  identifiers: 1_000_000,
  personaIdentifiers: 2_000_000,
  tasks: 300_000,
  referrals: 20_000,
  evidence: 500_000,
};

const factors: Record<ScaleName, number> = { small: 0.01, medium: 0.1, large: 1 };

export function countsFor(scale: ScaleName): ScaleCounts {
  return scaledCounts(factors[scale]);
}

/** The large set scaled so that it holds this many personas (and everything else in proportion). */
export function countsForPersonas(personas: number): ScaleCounts {
  return scaledCounts(personas / large.personas);
}

function scaledCounts(f: number): ScaleCounts {
  const scaled = Object.fromEntries(Object.entries(large).map(([k, v]) => [k, Math.round(v * f)])) as unknown as ScaleCounts;
  // Every role needs a handful of people even in the smallest set.
  scaled.users = Math.max(40, scaled.users);
  return scaled;
}
