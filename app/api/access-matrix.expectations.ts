import type { Caller } from "./access-matrix.fixtures";
import { casesExpectations } from "./access-matrix.expectations.cases";
import { evidenceExpectations } from "./access-matrix.expectations.evidence";
import { exportsExpectations } from "./access-matrix.expectations.exports";
import { peopleExpectations } from "./access-matrix.expectations.people";
import { personasExpectations } from "./access-matrix.expectations.personas";

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
export const expectations: Record<string, Expected> = joinSections(
  peopleExpectations,
  casesExpectations,
  evidenceExpectations,
  personasExpectations,
  exportsExpectations,
);

/** The sections as one table; an operation listed in two sections is a mistake, not an override. */
function joinSections(...sections: Record<string, Expected>[]): Record<string, Expected> {
  const all: Record<string, Expected> = {};
  for (const section of sections)
    for (const [operation, expected] of Object.entries(section)) {
      if (operation in all) throw new Error(`${operation} is listed in two sections of the access matrix`);
      all[operation] = expected;
    }
  return all;
}

/**
 * Operations whose every 403 is a refusal of the caller's role, decided before any record is read:
 * they must refuse before judging the body, so a caller who may never do this learns nothing from
 * the validation messages (a route says so with withActor's `roles` or `permission`). The other
 * operations' refusals depend on the record, which the handler reads only after the body.
 */
export const refusedBeforeBody: ReadonlySet<string> = new Set([
  "POST /api/webhooks",
  "POST /api/users",
  "PATCH /api/users/{id}",
  "PUT /api/admin/settings",
  "POST /api/users/{id}/password-reset",
  "POST /api/sanctions/lists",
  "POST /api/imports",
  "POST /api/screen",
  "POST /api/cases",
  "POST /api/personas",
  "PATCH /api/personas/{id}",
  "POST /api/personas/{id}/identifiers",
  "POST /api/personas/{id}/red-flags",
  "POST /api/persona-links",
  "POST /api/personas/{id}/candidates/{otherId}/decision",
  "PATCH /api/persona-links/{id}",
  "POST /api/exports/{id}/shares",
]);
