import { isSupportedCountry } from "libphonenumber-js";
import { z } from "zod";

const regionMessage = "A two-letter country code such as US or GB";

/** An ISO 3166 alpha-2 region that phone metadata knows, upper-cased; null clears it. */
export const phoneRegionSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((r) => /^[A-Z]{2}$/.test(r) && isSupportedCountry(r), regionMessage);

export const settingsSchema = z.object({
  defaultPhoneRegion: z
    .string()
    .nullable()
    .describe(
      "Region for phone numbers written without a country code (020 7946 0958 in GB); a request's defaultCountry overrides it",
    ),
  updatedAt: z.string().nullable().describe("When an admin last saved the settings; null: never"),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type SettingsView = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.strictObject({
  defaultPhoneRegion: phoneRegionSchema.nullable(),
});
export type SettingsUpdate = z.input<typeof settingsUpdateSchema>;
