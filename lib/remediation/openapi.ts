import type { ApiOperation } from "@/lib/api/openapi";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import {
  applyTemplateSchema,
  myTasksQuerySchema,
  taskIdParamsSchema,
  taskInputSchema,
  taskUpdateSchema,
} from "./schema";
import { applyTemplateResultSchema, caseTasksSchema, createdTaskSchema, myTasksSchema, taskSchema } from "./views";

const tag = "Remediation";

export const remediationOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/cases/{id}/tasks",
    summary: "Remediation tasks of a case in order, with progress and who may own them",
    tag,
    params: caseIdParamsSchema,
    responses: { 200: { description: "Tasks and progress", schema: caseTasksSchema } },
  },
  {
    method: "post",
    path: "/api/cases/{id}/tasks",
    summary:
      "Add a task (case members, admins); a due date already past is accepted and flagged with `dueInPast`. `evidenceId` takes the exhibit number in this case (E-003) or the item id; 400 for an unknown or deleted exhibit",
    tag,
    params: caseIdParamsSchema,
    body: taskInputSchema,
    responses: { 201: { description: "The task", schema: createdTaskSchema } },
  },
  {
    method: "post",
    path: "/api/cases/{id}/tasks/apply-template",
    summary: "Add a template's standard tasks, due relative to now; steps the case already has are skipped",
    tag,
    params: caseIdParamsSchema,
    body: applyTemplateSchema,
    responses: {
      200: {
        description: "Tasks after applying, with how many were added and skipped",
        schema: applyTemplateResultSchema,
      },
    },
  },
  {
    method: "get",
    path: "/api/tasks",
    summary: "Tasks across the cases you see, soonest due first (default: your own open tasks)",
    tag,
    query: myTasksQuerySchema,
    responses: { 200: { description: "A page of tasks", schema: myTasksSchema } },
  },
  {
    method: "patch",
    path: "/api/tasks/{id}",
    summary:
      "Change a task; `not_applicable` needs the reason in `completionNote`. `evidenceId` takes the exhibit number in the task's case (E-003) or the item id",
    tag,
    params: taskIdParamsSchema,
    body: taskUpdateSchema,
    responses: { 200: { description: "The task", schema: taskSchema } },
  },
  {
    method: "delete",
    path: "/api/tasks/{id}",
    summary: "Remove a task (the audit log keeps what it was)",
    tag,
    params: taskIdParamsSchema,
    responses: { 204: { description: "Removed" } },
  },
];
