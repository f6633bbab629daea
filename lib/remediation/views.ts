import { z } from "zod";
import { person } from "./fields";
import { taskKindSchema, taskStatusSchema } from "./schema";

export const taskSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: taskKindSchema,
  title: z.string(),
  owner: person.nullable(),
  dueAt: z.iso.datetime().nullable(),
  status: taskStatusSchema,
  completionNote: z.string().nullable(),
  evidenceId: z.uuid().nullable(),
  templateId: z.string().nullable(),
  templateStep: z.int().nullable(),
  position: z.int(),
  completedAt: z.iso.datetime().nullable(),
  /** Still open and past its due time. */
  overdue: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TaskView = z.infer<typeof taskSchema>;

/** The answer to a create: the task, and whether its due time had already passed. */
export const createdTaskSchema = taskSchema.extend({ dueInPast: z.boolean() });
export type CreatedTaskView = z.infer<typeof createdTaskSchema>;

export const progressSchema = z.object({
  total: z.int(),
  done: z.int(),
  notApplicable: z.int(),
  open: z.int(),
  overdue: z.int(),
  /** Finished (done or not applicable) as a whole percentage of all tasks. */
  percent: z.int(),
});
export type Progress = z.infer<typeof progressSchema>;

export const caseTasksSchema = z.object({
  items: z.array(taskSchema),
  progress: progressSchema,
  permissions: z.object({ manage: z.boolean() }),
  /** People a task on this case may be given to: the lead and members (and you, if you see the case). */
  assignees: z.array(person),
  templates: z.array(z.object({ id: z.string(), name: z.string(), steps: z.int() })),
});
export type CaseTasksView = z.infer<typeof caseTasksSchema>;

export const applyTemplateResultSchema = caseTasksSchema.extend({ added: z.int(), skipped: z.int() });
export type ApplyTemplateResult = z.infer<typeof applyTemplateResultSchema>;

export const myTaskSchema = taskSchema.extend({ caseRef: z.string(), caseTitle: z.string() });
export type MyTaskView = z.infer<typeof myTaskSchema>;

export const myTasksSchema = z.object({
  items: z.array(myTaskSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type MyTasksView = z.infer<typeof myTasksSchema>;
