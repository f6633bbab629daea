import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import {
  directoryEntrySchema,
  directoryQuerySchema,
  passwordChangeSchema,
  userIdParamsSchema,
  userInputSchema,
  userSchema,
  userUpdateSchema,
} from "./schema";

export const userOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/me/password",
    summary:
      "Change your own password, giving the current one (at least 12 characters, not the current one). Your other browser sessions end; this one and your API tokens stay",
    tag: "Users",
    body: passwordChangeSchema,
    responses: { 200: { description: "Changed", schema: z.object({ changed: z.literal(true) }) } },
  },
  {
    method: "post",
    path: "/api/users/{id}/password-reset",
    summary:
      "Reset a user's password (admin): answers a temporary password, shown once, that the user must change at the next sign-in; their sessions end at once",
    tag: "Users",
    params: userIdParamsSchema,
    responses: {
      200: { description: "The temporary password", schema: z.object({ temporaryPassword: z.string() }) },
    },
  },
  {
    method: "get",
    path: "/api/me",
    summary: "The signed-in user",
    tag: "Users",
    responses: {
      200: { description: "The actor", schema: userSchema.pick({ id: true, email: true, name: true, role: true }) },
    },
  },
  {
    method: "get",
    path: "/api/users",
    summary: "List users (admin)",
    tag: "Users",
    responses: { 200: { description: "Users", schema: z.object({ items: z.array(userSchema) }) } },
  },
  {
    method: "post",
    path: "/api/users",
    summary: "Create a user (admin)",
    tag: "Users",
    body: userInputSchema,
    responses: { 201: { description: "Created", schema: userSchema } },
  },
  {
    method: "patch",
    path: "/api/users/{id}",
    summary: "Change a user's name, role, password or disabled flag (admin)",
    tag: "Users",
    params: userIdParamsSchema,
    body: userUpdateSchema,
    responses: { 200: { description: "Updated", schema: userSchema } },
  },
  {
    method: "get",
    path: "/api/directory",
    summary: "Active colleagues by name or email, to pick a lead or member",
    tag: "Users",
    query: directoryQuerySchema,
    responses: { 200: { description: "Users", schema: z.object({ items: z.array(directoryEntrySchema) }) } },
  },
];
