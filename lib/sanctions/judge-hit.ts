import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertPersonaWritable, canWritePersonas } from "@/lib/personas/access";
import { AppError } from "@/lib/errors";

/**
 * Who may judge a hit on a persona they see. A name hit: an investigator working on one of the
 * persona's cases (observers only read), legal, a manager or an admin. An exact identifier hit (a
 * listed wallet, document, e-mail or domain the persona holds) means paying this person may itself
 * be a violation, so dismissing one takes a manager or an admin.
 */
export async function assertMayJudge(
  runner: DbOrTx,
  actor: Actor,
  personaId: string,
  { exact, dismissing }: { exact: boolean; dismissing: boolean },
): Promise<void> {
  if (dismissing && exact && actor.role !== "manager" && actor.role !== "admin")
    throw new AppError("forbidden", "An exact wallet or document hit can be dismissed only by a manager or an admin");
  if (actor.role === "investigator") await assertPersonaWritable(runner, actor, personaId);
}

/** The same rules as a yes or no, for the page to offer only what will be allowed. */
export async function judgePermissions(runner: DbOrTx, actor: Actor, personaId: string) {
  const judge = actor.role !== "investigator" || (await canWritePersonas(runner, actor, [personaId])).has(personaId);
  return { judge, dismissExact: actor.role === "manager" || actor.role === "admin" };
}
