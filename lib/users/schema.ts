import { z } from "zod";
import { userRoles } from "./constants";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));

export const passwordSchema = z
  .string()
  .min(12, "Password must be at least 12 characters")
  .max(200, "Password must be at most 200 characters");

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: passwordSchema,
});
export type PasswordChange = z.input<typeof passwordChangeSchema>;

export const userRoleSchema = z.enum(userRoles, { message: `Role must be one of: ${userRoles.join(", ")}` });

export const userInputSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required").max(200),
  role: userRoleSchema,
  password: passwordSchema,
});
export type UserInput = z.input<typeof userInputSchema>;

export const userUpdateSchema = userInputSchema
  .pick({ name: true, role: true, password: true })
  .extend({ disabled: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const userIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid id" }) });

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  disabled: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userSchema>;

export const directoryQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: userRoleSchema.optional(),
});
export type DirectoryQuery = z.input<typeof directoryQuerySchema>;

export const directoryEntrySchema = userSchema.pick({ id: true, email: true, name: true, role: true });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
