import { db } from "@/db";
import { organisationSettings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parseOrThrow } from "@/lib/errors";
import { readSettings } from "./get-settings";
import { type SettingsUpdate, settingsUpdateSchema, type SettingsView } from "./schema";

/** PUT /api/admin/settings: saves the organisation's settings (one row, created on the first save). */
export async function updateSettings({ actor, input }: { actor: Actor; input: SettingsUpdate }): Promise<SettingsView> {
  authorize(actor, "user:manage");
  const data = parseOrThrow(settingsUpdateSchema, input);
  return db.transaction(async (tx) => {
    const before = await readSettings(tx);
    await tx
      .insert(organisationSettings)
      .values({ id: true, defaultPhoneRegion: data.defaultPhoneRegion, updatedById: actor.id })
      .onConflictDoUpdate({
        target: organisationSettings.id,
        set: { defaultPhoneRegion: data.defaultPhoneRegion, updatedById: actor.id, updatedAt: new Date() },
      });
    // Read before the audit event: the chain stays locked from the append to the commit.
    const answer = await readSettings(tx);
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      entityType: "settings",
      entityId: "organisation",
      detail: { defaultPhoneRegion: { from: before.defaultPhoneRegion, to: data.defaultPhoneRegion } },
    });
    return answer;
  });
}
