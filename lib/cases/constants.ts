// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const caseStatuses = ["triage", "investigating", "contained", "referred", "closed", "cleared"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const severities = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];
export const caseMemberRoles = ["investigator", "legal", "observer"] as const;
export type CaseMemberRole = (typeof caseMemberRoles)[number];
