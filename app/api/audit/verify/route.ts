// GET /api/audit/verify — walk the audit hash chain and report the first broken link.
import { withActor } from "@/lib/api/handler";
import { verifyAudit } from "@/lib/audit/admin";

export const GET = withActor({ roles: ["admin"] }, async ({ actor }) => verifyAudit({ actor }));
