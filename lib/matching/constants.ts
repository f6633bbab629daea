// Shared by server and browser: import nothing from drizzle or db/ here.

/** A person's word on a candidate pair, kept on the stored pair so recomputing never reopens it. */
export const candidateDecisions = ["confirmed", "rejected"] as const;
export type CandidateDecisionState = (typeof candidateDecisions)[number];
