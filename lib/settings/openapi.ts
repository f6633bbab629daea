import type { ApiOperation } from "@/lib/api/openapi";
import { settingsSchema, settingsUpdateSchema } from "./schema";

export const settingsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/admin/settings",
    summary: "The organisation's settings: the default phone region (admin)",
    tag: "System",
    responses: { 200: { description: "Settings", schema: settingsSchema } },
  },
  {
    method: "put",
    path: "/api/admin/settings",
    summary:
      "Save the organisation's settings (admin). defaultPhoneRegion (two letters, or null) is the region phone numbers without a country code are read in, unless a request gives defaultCountry",
    tag: "System",
    body: settingsUpdateSchema,
    responses: { 200: { description: "Saved", schema: settingsSchema } },
  },
];
