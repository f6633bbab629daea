// GET, PUT /api/admin/settings — the organisation's settings (admins).
import { withActor } from "@/lib/api/handler";
import { getSettings } from "@/lib/settings/get-settings";
import { settingsUpdateSchema } from "@/lib/settings/schema";
import { updateSettings } from "@/lib/settings/update-settings";

export const GET = withActor({ roles: ["admin"] }, async ({ actor }) => getSettings({ actor }));

export const PUT = withActor({ roles: ["admin"], body: settingsUpdateSchema }, async ({ actor, body }) =>
  updateSettings({ actor, input: body }),
);
