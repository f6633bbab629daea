import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { type AuditVerification, verifyAuditChain } from "./verify";

export async function verifyAudit({ actor }: { actor: Actor }): Promise<AuditVerification> {
  authorize(actor, "audit:verify");
  return verifyAuditChain({ db });
}
