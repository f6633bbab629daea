import { z } from "zod";
import { evidenceRefSchema } from "@/lib/evidence/exhibit-ref";
import { taskKinds, taskStatuses } from "./constants";
import { instantString, lineText, multiText } from "./fields";
import { remediationTemplateIds } from "./templates";

export const taskKindSchema = z.enum(taskKinds, { message: `Kind must be one of: ${taskKinds.join(", ")}` });
export const taskStatusSchema = z.enum(taskStatuses, { message: `Status must be one of: ${taskStatuses.join(", ")}` });

const taskFields = {
  kind: taskKindSchema,
  title: lineText(300).min(1, "Title is required"),
  ownerId: z.uuid({ message: "Owner must be a user id" }).nullish(),
  /** A date (due at the end of that day, UTC) or a date-time with offset. Past dates are accepted and flagged. */
  dueAt: instantString.nullish(),
  status: taskStatusSchema,
  /** What was done; for `not_applicable` it is the required reason. */
  completionNote: multiText(5000).nullish(),
  /** The evidence item that proves it: its exhibit number in the case ("E-003") or its id. */
  evidenceId: evidenceRefSchema.nullish(),
};

export const taskInputSchema = z.strictObject({ ...taskFields, status: taskStatusSchema.default("todo") });
export type TaskInput = z.input<typeof taskInputSchema>;

export const taskUpdateSchema = z
  .strictObject(taskFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" });
export type TaskUpdate = z.input<typeof taskUpdateSchema>;

export const applyTemplateSchema = z.strictObject({
  template: z.enum(remediationTemplateIds, {
    message: `Template must be one of: ${remediationTemplateIds.join(", ")}`,
  }),
});
export type ApplyTemplateInput = z.input<typeof applyTemplateSchema>;

export const taskIdParamsSchema = z.object({ id: z.uuid({ message: "Not a valid task id" }) });

const statusFilter = z.union(
  [
    z.enum(["open", "finished", "all"]),
    z.string().regex(new RegExp(`^(${taskStatuses.join("|")})(,(${taskStatuses.join("|")}))*$`)),
  ],
  {
    message: `status is open, finished, all or a comma-separated list of: ${taskStatuses.join(", ")}`,
  },
);

export const myTasksQuerySchema = z.strictObject({
  owner: z.union([z.literal("me"), z.uuid()], { message: "owner is 'me' or a user id" }).default("me"),
  status: statusFilter.default("open"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, "pageSize is at most 200").default(100),
});
export type MyTasksQuery = z.input<typeof myTasksQuerySchema>;
