import type { ReferralDestination, ReferralStatus } from "@/db/schema/referrals";

/** How each destination code reads to people; `other` shows the name given with the referral. */
export const destinationLabels: Record<ReferralDestination, string> = {
  fbi_ic3: "FBI IC3",
  fbi_field_office: "FBI field office",
  ofac_vsd: "OFAC voluntary self-disclosure",
  doj_nsd_vsd: "DOJ NSD voluntary self-disclosure",
  fincen_sar: "FinCEN SAR",
  uk_nca_sar: "UK NCA SAR",
  uk_ofsi: "UK OFSI breach report",
  uk_action_fraud: "UK Action Fraud",
  uk_ncsc: "UK NCSC",
  other: "Other",
};

export const referralStatusLabels: Record<ReferralStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  acknowledged: "Acknowledged",
  closed: "Closed",
  declined: "Declined",
};

export function destinationLabel(destination: ReferralDestination, name: string | null): string {
  if (destination === "other") return name || "Other";
  return destinationLabels[destination];
}
