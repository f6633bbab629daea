import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import {
  inboxQuerySchema,
  inboxSchema,
  markReadSchema,
  notificationIdParamsSchema,
  preferencesInputSchema,
  preferencesSchema,
} from "./schema";

const tag = "Notifications";
const marked = z.object({ marked: z.int() });

export const notificationOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/notifications",
    summary:
      "Your in-app notifications, newest first, with the unread count; those about a case you can no longer see are left out",
    tag,
    query: inboxQuerySchema,
    responses: { 200: { description: "Inbox", schema: inboxSchema } },
  },
  {
    method: "post",
    path: "/api/notifications/read",
    summary: "Mark the given notifications read (ids), or all of yours (no ids)",
    tag,
    body: markReadSchema,
    responses: { 200: { description: "How many were marked", schema: marked } },
  },
  {
    method: "post",
    path: "/api/notifications/{id}/read",
    summary: "Mark one of your notifications read",
    tag,
    params: notificationIdParamsSchema,
    responses: { 200: { description: "How many were marked (0 when it was read already)", schema: marked } },
  },
  {
    method: "get",
    path: "/api/notifications/preferences",
    summary: "Your channels for each event: in-app, and e-mail at once, in a daily digest or off",
    tag,
    responses: { 200: { description: "Preferences", schema: preferencesSchema } },
  },
  {
    method: "put",
    path: "/api/notifications/preferences",
    summary: "Change your channels for the events given (the others keep theirs)",
    tag,
    body: preferencesInputSchema,
    responses: { 200: { description: "Preferences", schema: preferencesSchema } },
  },
];
