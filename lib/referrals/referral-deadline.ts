import type { Referral } from "@/db/schema";
import { toInstant } from "@/lib/remediation/fields";
import { ofacDeadline } from "./deadlines";

/** An explicit deadline wins; for OFAC a blocking date gives 10 US business days. */
export function deadlineFrom(
  destination: Referral["destination"],
  deadlineAt: string | null | undefined,
  blockedAt: string | null | undefined,
): Date | null | undefined {
  if (deadlineAt !== undefined) return deadlineAt ? toInstant(deadlineAt, "end") : null;
  if (destination === "ofac_vsd" && blockedAt) return ofacDeadline(toInstant(blockedAt, "start"));
  return undefined;
}
