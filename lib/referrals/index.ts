// The referrals area's operations, one file each; code in this repository imports the
// operation's own file, so a route loads only what it calls.
export { createDisclosure } from "./create-disclosure";
export { createReferral } from "./create-referral";
export { getReferral } from "./get-referral";
export { listCaseReferrals } from "./list-case-referrals";
export { listDisclosures } from "./list-disclosures";
export { listReferableCases } from "./list-referable-cases";
export { listReferralQueue } from "./list-referral-queue";
export { listReferrals } from "./list-referrals";
export { transitionReferral } from "./transition-referral";
export { updateReferral } from "./update-referral";
