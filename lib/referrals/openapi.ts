import type { ApiOperation } from "@/lib/api/openapi";
import { caseIdParamsSchema } from "@/lib/cases/schema";
import {
  disclosureInputSchema,
  referralIdParamsSchema,
  referralInputSchema,
  referableCasesQuerySchema,
  referralListQuerySchema,
  referralTransitionSchema,
  referralUpdateSchema,
} from "./schema";
import {
  caseReferralsSchema,
  disclosureListSchema,
  disclosureSchema,
  referableCasesSchema,
  referralListSchema,
  referralQueueSchema,
  referralSchema,
} from "./views";

const tag = "Referrals";

export const referralOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/referrals",
    summary: "Referrals on every case you see, filterable by destination and status; overdue first, then by deadline",
    tag,
    query: referralListQuerySchema,
    responses: { 200: { description: "A page of referrals", schema: referralListSchema } },
  },
  {
    method: "get",
    path: "/api/referrals/queue",
    summary:
      "Legal's queue (legal, admins): cases whose review by legal was asked for and that have no referral yet or one in draft, among those you may draft referrals on; most recently asked first",
    tag,
    responses: { 200: { description: "Cases awaiting referral work", schema: referralQueueSchema } },
  },
  {
    method: "get",
    path: "/api/referrals/referable-cases",
    summary:
      "Cases you see and may draft a referral on (legal, admins), matching `q` in the reference or title; up to 20, most recently updated first",
    tag,
    query: referableCasesQuerySchema,
    responses: { 200: { description: "Cases", schema: referableCasesSchema } },
  },
  {
    method: "get",
    path: "/api/cases/{id}/referrals",
    summary: "Referrals of a case",
    tag,
    params: caseIdParamsSchema,
    responses: { 200: { description: "Referrals", schema: caseReferralsSchema } },
  },
  {
    method: "post",
    path: "/api/cases/{id}/referrals",
    summary:
      "Draft a referral (admins; legal members or legal on a referred case). `other` needs `destinationName`; OFAC with `blockedAt` gets a 10-US-business-day deadline",
    tag,
    params: caseIdParamsSchema,
    body: referralInputSchema,
    responses: { 201: { description: "The referral", schema: referralSchema } },
  },
  {
    method: "get",
    path: "/api/referrals/{id}",
    summary: "One referral",
    tag,
    params: referralIdParamsSchema,
    responses: { 200: { description: "The referral", schema: referralSchema } },
  },
  {
    method: "patch",
    path: "/api/referrals/{id}",
    summary: "Edit a referral's details (the destination only while it is a draft)",
    tag,
    params: referralIdParamsSchema,
    body: referralUpdateSchema,
    responses: { 200: { description: "The referral", schema: referralSchema } },
  },
  {
    method: "post",
    path: "/api/referrals/{id}/transition",
    summary:
      "draft → submitted (needs `referenceNo`) → acknowledged → closed, or declined; 409 lists the allowed moves. Submitting an OFAC referral without a deadline sets it to 10 US business days later",
    tag,
    params: referralIdParamsSchema,
    body: referralTransitionSchema,
    responses: { 200: { description: "The referral", schema: referralSchema } },
  },
  {
    method: "get",
    path: "/api/referrals/{id}/disclosures",
    summary: "The disclosure log of a referral, oldest first (append-only)",
    tag,
    params: referralIdParamsSchema,
    responses: { 200: { description: "Disclosures", schema: disclosureListSchema } },
  },
  {
    method: "post",
    path: "/api/referrals/{id}/disclosures",
    summary:
      "Log what was sent, to whom and when, with its SHA-256 (taken from the export pack when `exportId` is given). Entries cannot be changed or removed",
    tag,
    params: referralIdParamsSchema,
    body: disclosureInputSchema,
    responses: { 201: { description: "The entry", schema: disclosureSchema } },
  },
];
