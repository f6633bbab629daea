import { z } from "zod";
import { caseOperations } from "@/lib/cases/openapi";
import { savedViewOperations } from "@/lib/saved-views/openapi";
import { dashboardOperations } from "@/lib/dashboard/openapi";
import { evidenceOperations } from "@/lib/evidence/openapi";
import { exportOperations } from "@/lib/exports/openapi";
import { shareOperations } from "@/lib/shares/openapi";
import { graphOperations } from "@/lib/graph/openapi";
import { importOperations } from "@/lib/imports/openapi";
import { intakeOperations } from "@/lib/intake/openapi";
import { personaOperations } from "@/lib/personas/openapi";
import { referralOperations } from "@/lib/referrals/openapi";
import { remediationOperations } from "@/lib/remediation/openapi";
import { sanctionsOperations } from "@/lib/sanctions/openapi";
import { notificationOperations } from "@/lib/notifications/openapi";
import { webhookOperations } from "@/lib/webhooks/openapi";
import { searchOperations } from "@/lib/search/openapi";
import { settingsOperations } from "@/lib/settings/openapi";
import { tokenOperations } from "@/lib/tokens/openapi";
import { userOperations } from "@/lib/users/openapi";
import type { ApiOperation } from "./openapi";

const systemOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Answers once the database answers",
    tag: "System",
    auth: false,
    responses: { 200: { description: "Healthy", schema: z.object({ status: z.literal("ok") }) } },
  },
  {
    method: "get",
    path: "/api/health/live",
    summary: "Answers while the process is up (liveness)",
    tag: "System",
    auth: false,
    responses: { 200: { description: "Alive", schema: z.object({ status: z.literal("ok") }) } },
  },
  {
    method: "get",
    path: "/api/health/ready",
    summary: "200 only while the database and the blob store answer and the instance is not shutting down (readiness)",
    tag: "System",
    auth: false,
    responses: {
      200: {
        description: "Ready",
        schema: z.object({
          status: z.enum(["ready", "unavailable"]),
          database: z.boolean(),
          store: z.boolean(),
          stopping: z.boolean(),
        }),
      },
      503: { description: "Not ready: the same body says which check failed" },
    },
  },
  {
    method: "get",
    path: "/api/metrics",
    summary:
      "Prometheus metrics: requests and latency by route, job queue depth and oldest age by kind, upload bytes (Authorization: Bearer METRICS_TOKEN; 404 when METRICS_TOKEN is unset)",
    tag: "System",
    auth: false,
    responses: { 200: { description: "Prometheus text format" }, 401: { description: "No or wrong metrics token" } },
  },
  {
    method: "get",
    path: "/api/audit/verify",
    summary:
      "Walk the audit hash chain, compare the log with its signed anchors, and report the first broken link and every anchor problem (admin)",
    tag: "System",
    responses: {
      200: {
        description: "Verification result",
        schema: z.object({
          ok: z.boolean(),
          checked: z.number().int(),
          lastSeq: z.number().int(),
          firstBreak: z.object({ seq: z.number().int(), problem: z.string(), message: z.string() }).nullable(),
          anchors: z.object({
            file: z.string(),
            lines: z.number().int(),
            latest: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
            problems: z.array(
              z.object({
                problem: z.string(),
                line: z.number().int().nullable(),
                seq: z.number().int().nullable(),
                message: z.string(),
              }),
            ),
          }),
        }),
      },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    tag: "System",
    auth: false,
    responses: { 200: { description: "OpenAPI 3.1" } },
  },
];

/** Every documented operation; each area adds its own list here. */
export const apiOperations: ApiOperation[] = [
  ...systemOperations,
  ...userOperations,
  ...settingsOperations,
  ...sanctionsOperations,
  ...searchOperations,
  ...tokenOperations,
  ...caseOperations,
  ...savedViewOperations,
  ...notificationOperations,
  ...webhookOperations,
  ...evidenceOperations,
  ...intakeOperations,
  ...dashboardOperations,
  ...remediationOperations,
  ...referralOperations,
  ...personaOperations,
  ...importOperations,
  ...graphOperations,
  ...exportOperations,
  ...shareOperations,
];
