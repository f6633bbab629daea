import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, evidence } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseExhibitNo } from "./exhibit-ref";
import { exhibitLabel } from "./views";

const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

/**
 * Turns an exhibit number into the id of the live item with that number in one of `caseIds`
 * (cases the caller has already checked the actor may see); an id passes through for the
 * operation's own checks. An unknown number, a deleted item or one of another case is a 400 on
 * `path` that says nothing about cases outside `caseIds`; `scope` names those cases in the message.
 */
export async function resolveExhibitRef(
  runner: DbOrTx,
  caseIds: readonly string[],
  ref: string | null | undefined,
  path: string,
  scope = "this case",
): Promise<string | null | undefined> {
  if (!ref) return ref;
  const n = parseExhibitNo(ref);
  if (n === null) return ref;
  const label = exhibitLabel(n);
  const rows =
    caseIds.length === 0
      ? []
      : await runner
          .select({ id: evidence.id, ref: cases.ref })
          .from(evidence)
          .innerJoin(cases, eq(cases.id, evidence.caseId))
          .where(and(inArray(evidence.caseId, [...caseIds]), eq(evidence.exhibitNo, n), isNull(evidence.deletedAt)))
          .orderBy(cases.ref);
  const [only] = rows;
  if (!only) throw bad(path, `No exhibit ${label} in ${scope}`);
  if (rows.length > 1)
    throw bad(
      path,
      `${label} is in more than one of ${scope} (${rows.map((r) => r.ref).join(", ")}); choose the item itself`,
    );
  return only.id;
}
