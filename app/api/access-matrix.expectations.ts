import type { Caller } from "./access-matrix.fixtures";

// A table, one operation a line, so a change of access shows as a one-line diff.

export type Expected = Record<Caller, number>;

/**
 * The status every caller gets from every operation of the API document, called on the records of
 * a case led by another investigator, open and not referred; only `legalOnReferred` (a legal user
 * who is not a member) calls on a second case of the lead's that is referred, which every legal user
 * sees (access-matrix.fixtures.ts says who the callers are). Read from lib/auth/policy.ts, not from
 * what the code happens to answer:
 * - a record of a case the caller may not see answers 404, exactly as an id that does not exist;
 * - a caller who sees the record but may not do this to it gets 403;
 * - a refusal for the caller's role alone, whatever the record, is 403 as well (it answers the same for
 *   every id, so it tells nothing), and comes before the body is read (see refusedBeforeBody).
 */
export const expectations: Record<string, Expected> = {
  // System and people
  "GET /api/health": { anonymous: 200, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/openapi.json": { anonymous: 200, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/audit/verify": { anonymous: 401, nonMember: 403, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 403 },
  "GET /api/me": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/users": { anonymous: 401, nonMember: 403, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 403 },
  "POST /api/users": { anonymous: 401, nonMember: 403, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 201, lead: 403, legalOnReferred: 403 },
  "PATCH /api/users/{id}": { anonymous: 401, nonMember: 403, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 403 },
  "GET /api/directory": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },

  // Tokens: someone else's token is not found unless the caller may manage every token (admin).
  "GET /api/tokens": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/tokens": { anonymous: 401, nonMember: 201, legalNonMember: 201, manager: 201, observer: 201, legalMember: 201, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 201 },
  "DELETE /api/tokens/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 404, observer: 404, legalMember: 404, investigatorMember: 404, admin: 200, lead: 200, legalOnReferred: 404 },

  // Cases. case:update and evidence:upload are for working members (never observers) and admins; members are managed by the lead and admins.
  "GET /api/cases": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases": { anonymous: 401, nonMember: 201, legalNonMember: 403, manager: 403, observer: 201, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "GET /api/cases/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "PATCH /api/cases/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "POST /api/cases/{id}/transition": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "GET /api/cases/{id}/members": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases/{id}/members": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 201, lead: 201, legalOnReferred: 403 },
  "DELETE /api/cases/{id}/members/{userId}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 204, lead: 204, legalOnReferred: 403 },
  "GET /api/cases/{id}/activity": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/dashboard/summary": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },

  // Notes: no manager and no observer writes one; only the author edits it (admins included).
  "GET /api/cases/{id}/notes": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases/{id}/notes": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 201, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 201 },
  "PATCH /api/notes/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 403, lead: 200, legalOnReferred: 403 },

  // Evidence. Content the caller may not open answers 404 even where they see the item's metadata (lib/evidence/access.ts):
  // managers never, legal only as members. Holds: admins and legal working members; deletes: the lead and admins.
  "GET /api/cases/{id}/evidence": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases/{id}/evidence": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "GET /api/evidence/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "DELETE /api/evidence/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 403, admin: 200, lead: 200, legalOnReferred: 403 },
  "GET /api/evidence/{id}/content": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 404, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 404 },
  "GET /api/evidence/{id}/custody": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/evidence/{id}/verify": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/evidence/{id}/hold": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 403 },
  "DELETE /api/evidence/{id}/hold": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 403 },

  // Remediation tasks: admins, and investigators and legal who work the case (not observers).
  "GET /api/cases/{id}/tasks": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases/{id}/tasks": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 201, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "POST /api/cases/{id}/tasks/apply-template": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "GET /api/tasks": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "PATCH /api/tasks/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "DELETE /api/tasks/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 204, investigatorMember: 204, admin: 204, lead: 204, legalOnReferred: 403 },

  // Referrals: admins and legal working members; every legal user once the case is referred.
  "GET /api/referrals": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/cases/{id}/referrals": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases/{id}/referrals": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 201, investigatorMember: 403, admin: 201, lead: 403, legalOnReferred: 201 },
  "GET /api/referrals/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "PATCH /api/referrals/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 200 },
  "POST /api/referrals/{id}/transition": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 403, admin: 200, lead: 403, legalOnReferred: 200 },
  "GET /api/referrals/{id}/disclosures": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/referrals/{id}/disclosures": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 201, investigatorMember: 403, admin: 201, lead: 403, legalOnReferred: 201 },

  // Personas. persona:write is a role rule (admins, investigators): legal and managers are refused with 403 whatever the
  // persona, also one they cannot see; a persona of a case the caller cannot see is 404 to an investigator. Attaching
  // and detaching are edits of the case (case:update). Observers read: an investigator who only observes the
  // persona's cases is refused its changes with 403 (after the body is read: it depends on the persona's cases).
  "GET /api/personas": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/personas": { anonymous: 401, nonMember: 201, legalNonMember: 403, manager: 403, observer: 201, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "GET /api/personas/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "PATCH /api/personas/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "POST /api/personas/{id}/identifiers": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "DELETE /api/personas/{id}/identifiers/{identifierId}": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 204, admin: 204, lead: 204, legalOnReferred: 403 },
  "POST /api/personas/{id}/red-flags": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "DELETE /api/personas/{id}/red-flags/{code}": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "GET /api/personas/{id}/links": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/persona-links": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "PATCH /api/persona-links/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 403 },
  "DELETE /api/persona-links/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 403, manager: 403, observer: 403, legalMember: 403, investigatorMember: 204, admin: 204, lead: 204, legalOnReferred: 403 },
  "GET /api/cases/{id}/personas": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/cases/{id}/personas": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 201, admin: 201, lead: 201, legalOnReferred: 403 },
  "DELETE /api/cases/{id}/personas/{personaId}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 403, investigatorMember: 204, admin: 204, lead: 204, legalOnReferred: 403 },

  // Graph and screening: screening is for admins, investigators and legal.
  "GET /api/personas/{id}/graph": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/cases/{id}/graph": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/networks": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "POST /api/screen": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 403, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },

  // Exports: packs are made and read by admins, legal who see the case, and the lead (never managers or other members).
  "POST /api/cases/{id}/exports": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 202, investigatorMember: 403, admin: 202, lead: 202, legalOnReferred: 202 },
  "GET /api/exports": { anonymous: 401, nonMember: 200, legalNonMember: 200, manager: 200, observer: 200, legalMember: 200, investigatorMember: 200, admin: 200, lead: 200, legalOnReferred: 200 },
  "GET /api/exports/{id}": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 403, admin: 200, lead: 200, legalOnReferred: 200 },
  // Legal may build and read the packs of every case it sees, referred cases included (the policy's export rules),
  // although evidence:read_content lets legal open single exhibits only as a member. The two rules disagree on
  // what a legal user who is not a member may hold of a referred case; the product's decision is still open, so
  // this follows the export rule as written.
  "GET /api/exports/{id}/download": { anonymous: 401, nonMember: 404, legalNonMember: 404, manager: 403, observer: 403, legalMember: 200, investigatorMember: 403, admin: 200, lead: 200, legalOnReferred: 200 },
};

/**
 * Operations whose every 403 is a refusal of the caller's role, decided before any record is read:
 * they must refuse before judging the body, so a caller who may never do this learns nothing from
 * the validation messages (a route says so with withActor's `roles` or `permission`). The other
 * operations' refusals depend on the record, which the handler reads only after the body.
 */
export const refusedBeforeBody: ReadonlySet<string> = new Set([
  "POST /api/users",
  "PATCH /api/users/{id}",
  "POST /api/screen",
  "POST /api/cases",
  "POST /api/personas",
  "PATCH /api/personas/{id}",
  "POST /api/personas/{id}/identifiers",
  "POST /api/personas/{id}/red-flags",
  "POST /api/persona-links",
  "PATCH /api/persona-links/{id}",
]);
