// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const referralDestinations = [
  "fbi_ic3",
  "fbi_field_office",
  "ofac_vsd",
  "doj_nsd_vsd",
  "fincen_sar",
  "uk_nca_sar",
  "uk_ofsi",
  "uk_action_fraud",
  "uk_ncsc",
  "other",
] as const;
export type ReferralDestination = (typeof referralDestinations)[number];
export const referralStatuses = ["draft", "submitted", "acknowledged", "closed", "declined"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
