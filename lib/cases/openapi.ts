import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import {
  caseIdParamsSchema,
  caseInputSchema,
  caseListQuerySchema,
  caseUpdateSchema,
  memberInputSchema,
  memberParamsSchema,
  noteIdParamsSchema,
  noteInputSchema,
  pageQuerySchema,
  transitionSchema,
} from "./schema";
import { activitySchema, caseDetailSchema, caseListSchema, caseMemberSchema, noteSchema, pageOf } from "./views";

const tag = "Cases";

export const caseOperations: ApiOperation[] = [
  { method: "get", path: "/api/cases", summary: "List the cases you may see (filters, full-text search, sort, pages of up to 100)", tag, query: caseListQuerySchema, responses: { 200: { description: "A page of cases", schema: caseListSchema } } },
  { method: "post", path: "/api/cases", summary: "Open a case (investigators, admins); gets the next CASE-YYYY-NNNN reference", tag, body: caseInputSchema, responses: { 201: { description: "The new case", schema: caseDetailSchema } } },
  { method: "get", path: "/api/cases/{id}", summary: "A case with its people, allowed moves and your permissions", tag, params: caseIdParamsSchema, responses: { 200: { description: "The case", schema: caseDetailSchema } } },
  { method: "patch", path: "/api/cases/{id}", summary: "Edit a case; 409 with the current case if `version` is stale", tag, params: caseIdParamsSchema, body: caseUpdateSchema, responses: { 200: { description: "The updated case", schema: caseDetailSchema } } },
  { method: "post", path: "/api/cases/{id}/transition", summary: "Move a case through its workflow; 409 lists the allowed moves", tag, params: caseIdParamsSchema, body: transitionSchema, responses: { 200: { description: "The updated case", schema: caseDetailSchema } } },
  { method: "get", path: "/api/cases/{id}/members", summary: "Members of a case", tag, params: caseIdParamsSchema, responses: { 200: { description: "Members", schema: z.object({ items: z.array(caseMemberSchema) }) } } },
  { method: "post", path: "/api/cases/{id}/members", summary: "Add a member (lead or admin)", tag, params: caseIdParamsSchema, body: memberInputSchema, responses: { 201: { description: "The member", schema: caseMemberSchema } } },
  { method: "delete", path: "/api/cases/{id}/members/{userId}", summary: "Remove a member; their access ends at once", tag, params: memberParamsSchema, responses: { 204: { description: "Removed" } } },
  { method: "get", path: "/api/cases/{id}/notes", summary: "Notes of a case, newest first", tag, params: caseIdParamsSchema, query: pageQuerySchema, responses: { 200: { description: "A page of notes", schema: pageOf(noteSchema) } } },
  { method: "post", path: "/api/cases/{id}/notes", summary: "Add a Markdown note", tag, params: caseIdParamsSchema, body: noteInputSchema, responses: { 201: { description: "The note", schema: noteSchema } } },
  { method: "patch", path: "/api/notes/{id}", summary: "Edit your own note (the previous text is kept)", tag, params: noteIdParamsSchema, body: noteInputSchema, responses: { 200: { description: "The note", schema: noteSchema } } },
  { method: "get", path: "/api/cases/{id}/activity", summary: "Timeline of the case from the audit log, newest first", tag, params: caseIdParamsSchema, query: pageQuerySchema, responses: { 200: { description: "A page of events", schema: pageOf(activitySchema) } } },
];
