import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { organisationSettings, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { SettingsView } from "./schema";

/** The settings as stored; every default when no admin has saved them yet. */
export async function readSettings(runner: DbOrTx = db): Promise<SettingsView> {
  const [row] = await runner
    .select({ settings: organisationSettings, updatedByName: users.name })
    .from(organisationSettings)
    .leftJoin(users, eq(users.id, organisationSettings.updatedById))
    .limit(1);
  if (!row) return { defaultPhoneRegion: null, updatedAt: null, updatedBy: null };
  const { settings, updatedByName } = row;
  return {
    defaultPhoneRegion: settings.defaultPhoneRegion,
    updatedAt: settings.updatedAt.toISOString(),
    updatedBy: settings.updatedById && updatedByName ? { id: settings.updatedById, name: updatedByName } : null,
  };
}

/** GET /api/admin/settings: the organisation's settings (admins, as the admin page is theirs). */
export async function getSettings({ actor }: { actor: Actor }): Promise<SettingsView> {
  authorize(actor, "user:manage");
  return readSettings();
}

/** The region a phone number without a country code is read in: the request's, else the organisation's. */
export async function phoneRegionFor(requested: string | null | undefined, runner: DbOrTx = db) {
  if (requested) return requested;
  const [row] = await runner
    .select({ region: organisationSettings.defaultPhoneRegion })
    .from(organisationSettings)
    .limit(1);
  return row?.region ?? undefined;
}
