// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const caseStatuses = ["triage", "investigating", "contained", "referred", "closed", "cleared"] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const severities = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];
export const caseMemberRoles = ["investigator", "legal", "observer"] as const;
export type CaseMemberRole = (typeof caseMemberRoles)[number];
/**
 * A request that someone be given access to a case: `legal_review` is made by a case worker for
 * legal (granted at once: the lawyers become members), `access` by someone who found the case
 * closed to them (pending until the lead grants or refuses it).
 */
export const accessRequestKinds = ["legal_review", "access"] as const;
export type AccessRequestKind = (typeof accessRequestKinds)[number];
export const accessRequestStatuses = ["pending", "granted", "refused"] as const;
export type AccessRequestStatus = (typeof accessRequestStatuses)[number];
/** The one answer to a request for access, whether or not the case exists: telling them apart would leak it. */
export const ACCESS_REQUEST_ANSWER = "Your request was sent to the case lead if the case exists.";
