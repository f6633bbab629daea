// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const personaStatuses = ["suspected", "confirmed", "cleared", "stolen_identity_victim"] as const;
export type PersonaStatus = (typeof personaStatuses)[number];
export const casePersonaRoles = ["subject", "facilitator", "associate", "victim"] as const;
export type CasePersonaRole = (typeof casePersonaRoles)[number];
export const identifierTypes = [
  "email",
  "phone",
  "postal_address",
  "ip",
  "device",
  "remote_access_id",
  "crypto_wallet",
  "bank_account",
  "payment_account",
  "freelance_account",
  "social_handle",
  "domain",
  "resume_hash",
  "photo_hash",
  "government_id",
] as const;
export type IdentifierType = (typeof identifierTypes)[number];
export const personaLinkRelations = [
  "same_person",
  "operated_by",
  "facilitator_of",
  "referred_by",
  "associated",
] as const;
export type PersonaLinkRelation = (typeof personaLinkRelations)[number];
export const personaLinkStatuses = ["confirmed", "rejected"] as const;
export type PersonaLinkStatus = (typeof personaLinkStatuses)[number];
