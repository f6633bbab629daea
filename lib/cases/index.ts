// The cases area's operations, one file each; code in this repository imports the
// operation's own file, so a route loads only what it calls.
export { addMember } from "./add-member";
export { createCase } from "./create-case";
export { createNote } from "./create-note";
export { decideAccessRequest } from "./decide-access-request";
export { getCase } from "./get-case";
export { listAccessRequests } from "./list-access-requests";
export { listActivity } from "./list-activity";
export { listCases } from "./list-cases";
export { listMembers } from "./list-members";
export { listNotes } from "./list-notes";
export { removeMember } from "./remove-member";
export { requestAccess } from "./request-access";
export { requestLegalReview } from "./request-legal-review";
export { transitionCase } from "./transition-case";
export { updateCase } from "./update-case";
export { updateNote } from "./update-note";
