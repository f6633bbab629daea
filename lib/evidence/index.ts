// The evidence area's operations, one file each; code in this repository imports the
// operation's own file, so a route loads only what it calls.
export { deleteEvidence } from "./delete-evidence";
export { getEvidence } from "./get-evidence";
export { keepDuplicate } from "./keep-duplicate";
export { listCustody } from "./list-custody";
export { listEvidence } from "./list-evidence";
export { openEvidenceContent } from "./open-evidence-content";
export { placeHold } from "./place-hold";
export { releaseHold } from "./release-hold";
export { uploadEvidence } from "./upload-evidence";
export { verifyEvidence } from "./verify-evidence";
