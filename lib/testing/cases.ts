import { randomBytes } from "node:crypto";
import type { CaseStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/create-case";
import { transitionCase } from "@/lib/cases/transition-case";
import type { CaseInput } from "@/lib/cases/schema";
import type { CaseDetail } from "@/lib/cases/views";
import { fileReferral } from "./referrals";

/**
 * A made-up lowercase word, different on every call. Tests that share a database filter and
 * search by such words, so they only ever see their own rows. Letters only: the full-text
 * parser treats mixed letters and digits as a different kind of token.
 */
export function uniqueWord(prefix = "zq"): string {
  const letters = [...randomBytes(12)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
  return `${prefix}${letters}`;
}

/** Opens a case with a unique title unless the input gives one. */
export async function makeCase(actor: Actor, input: Partial<CaseInput> = {}): Promise<CaseDetail> {
  return createCase({ actor, input: { title: `Case ${uniqueWord()}`, ...input } });
}

/**
 * Moves a case through the given statuses in order; every move carries a reason so final moves
 * are allowed, and a filed referral is added before `referred`.
 */
export async function walkCase(actor: Actor, caseId: string, statuses: CaseStatus[]): Promise<CaseDetail> {
  let detail: CaseDetail | undefined;
  for (const to of statuses) {
    // A case is referred only once a referral has been filed.
    if (to === "referred") await fileReferral(caseId);
    detail = await transitionCase({ actor, caseId, input: { to, reason: `test move to ${to}` } });
  }
  if (!detail) throw new Error("walkCase needs at least one status");
  return detail;
}
