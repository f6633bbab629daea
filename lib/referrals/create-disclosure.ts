import { eq } from "drizzle-orm";
import { db } from "@/db";
import { disclosures, exports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, parseOrThrow } from "@/lib/errors";
import { toInstant } from "@/lib/remediation/fields";
import { loadReferral } from "./access";
import { toDisclosureView } from "./disclosure-views";
import { type DisclosureInput, disclosureInputSchema } from "./schema";
import type { DisclosureView } from "./views";

/*
 * The disclosure log is append-only: there is a list and an add, and nothing else. The table's
 * trigger refuses UPDATE and DELETE, and every entry also gets an audit event, whose hash chain
 * shows if a row was ever removed behind the application's back.
 */

const FUTURE_SLACK_MS = 5 * 60_000;
const bad = (path: string, message: string) => new AppError("bad_request", message, [{ path, message }]);

/** Records what was sent; an export pack of the same case supplies the hash of what left the building. */
export async function createDisclosure({
  actor,
  referralId,
  input,
}: {
  actor: Actor;
  referralId: string;
  input: DisclosureInput;
}): Promise<DisclosureView> {
  const data = parseOrThrow(disclosureInputSchema, input);
  const sentAt = toInstant(data.sentAt, "start");
  if (sentAt.getTime() > Date.now() + FUTURE_SLACK_MS) throw bad("sentAt", "The sent date cannot be in the future");
  return db.transaction(async (tx) => {
    const { referral } = await loadReferral(tx, actor, referralId, "referral:manage", { forUpdate: true });
    let sha256 = data.sha256 ?? null;
    if (data.exportId) {
      const [pack] = await tx
        .select({ caseId: exports.caseId, sha256: exports.sha256 })
        .from(exports)
        .where(eq(exports.id, data.exportId));
      if (!pack || pack.caseId !== referral.caseId) throw bad("exportId", "No such export pack for this case");
      if (!pack.sha256) throw bad("exportId", "That export pack is not finished yet");
      if (sha256 && sha256 !== pack.sha256) throw bad("sha256", "The hash does not match the export pack");
      sha256 = pack.sha256;
    }
    const [row] = await tx
      .insert(disclosures)
      .values({
        referralId,
        what: data.what,
        recipient: data.recipient,
        sentAt,
        sentById: actor.id,
        sha256,
        exportId: data.exportId ?? null,
        note: data.note || null,
      })
      .returning();
    if (!row) throw new Error("disclosure insert returned nothing");
    await recordAudit(tx, {
      actor,
      action: "disclosure.create",
      entityType: "disclosure",
      entityId: row.id,
      caseId: referral.caseId,
      detail: {
        referralId,
        what: row.what,
        recipient: row.recipient,
        sentAt: row.sentAt.toISOString(),
        sha256: row.sha256,
        exportId: row.exportId,
      },
    });
    return toDisclosureView(row, { name: actor.name, email: actor.email });
  });
}
