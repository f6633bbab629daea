// Shared by server and browser (no drizzle here).

/** The list formats an import understands. */
export const sanctionsSources = ["ofac_sdn_csv", "ftm"] as const;
export type SanctionsSource = (typeof sanctionsSources)[number];

export const sanctionsSourceLabels: Record<SanctionsSource, string> = {
  ofac_sdn_csv: "OFAC SDN (CSV)",
  ftm: "FollowTheMoney entities (JSON lines)",
};

export const sanctionsListStatuses = ["importing", "done", "failed"] as const;
export type SanctionsListStatus = (typeof sanctionsListStatuses)[number];
