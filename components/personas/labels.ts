import type { IdentifierType, PersonaLinkRelation, PersonaStatus } from "@/lib/personas/constants";

export const personaStatusLabels: Record<PersonaStatus, string> = {
  suspected: "Suspected",
  confirmed: "Confirmed",
  cleared: "Cleared",
  stolen_identity_victim: "Stolen identity victim",
};

export const casePersonaRoleLabels = {
  subject: "Subject",
  facilitator: "Facilitator",
  associate: "Associate",
  victim: "Victim",
} as const;

export const relationLabels: Record<PersonaLinkRelation, string> = {
  same_person: "Same person",
  operated_by: "Operated by",
  facilitator_of: "Facilitator of",
  referred_by: "Referred by",
  associated: "Associated",
};

export const identifierTypeLabels: Record<IdentifierType, string> = {
  email: "Email",
  phone: "Phone",
  postal_address: "Postal address",
  ip: "IP address",
  device: "Device serial / MAC",
  remote_access_id: "Remote-access id",
  crypto_wallet: "Crypto wallet",
  bank_account: "Bank account (IBAN)",
  payment_account: "Payment account",
  freelance_account: "Freelance account",
  social_handle: "Social handle",
  domain: "Domain",
  resume_hash: "Résumé hash",
  photo_hash: "Photo hash",
  government_id: "Government id",
};

export const verificationLabels = {
  unverified: "Unverified",
  verified: "Verified",
  failed: "Failed verification",
} as const;
