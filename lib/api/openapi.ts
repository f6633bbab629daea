import { z } from "zod";
import { errorCodes } from "@/lib/errors";
import type { ApiPath } from "./paths";

export interface ApiOperation {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: ApiPath;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success responses by status; errors are added from the common error shape. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** false for the few routes that answer without a signed-in user. */
  auth?: boolean;
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const s = toSchema(schema, "input");
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: location,
    required: location === "path" || (s.required ?? []).includes(name),
    schema: prop,
    ...(typeof prop.description === "string" ? { description: prop.description } : {}),
  }));
}

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: [...errorCodes] },
        message: { type: "string" },
        details: {},
      },
    },
  },
};

/** The OpenAPI 3.1 document, built from the same zod schemas that validate requests. */
export function buildOpenApiDocument(operations: ApiOperation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema
          ? { content: { [r.contentType ?? "application/json"]: { schema: toSchema(r.schema, "output") } } }
          : {}),
      };
    }
    const errors = op.auth === false ? ["400", "500"] : ["400", "401", "403", "404", "409", "413", "500"];
    for (const status of errors) {
      responses[status] ??= { $ref: `#/components/responses/Error${status}` };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      ...(op.auth === false ? { security: [] } : {}),
      parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body, "input") } } } }
        : {}),
      responses,
    };
  }
  const errorResponses = Object.fromEntries(
    ["400", "401", "403", "404", "409", "413", "500"].map((s) => [
      `Error${s}`,
      {
        description: `Error (${s})`,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Casework API",
      version,
      description:
        "Every action the web app can take. Authenticate with the session cookie or `Authorization: Bearer <token>`; errors share one shape.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token created on the Tokens page or with the CLI",
        },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: errorSchema },
      responses: errorResponses,
    },
  };
}
