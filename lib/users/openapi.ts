import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import {
  directoryEntrySchema,
  directoryQuerySchema,
  userIdParamsSchema,
  userInputSchema,
  userSchema,
  userUpdateSchema,
} from "./schema";

export const userOperations: ApiOperation[] = [
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
