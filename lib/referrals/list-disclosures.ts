import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { disclosures, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { loadReferral } from "./access";
import { toDisclosureView } from "./disclosure-views";
import type { DisclosureListView } from "./views";

export async function listDisclosures({
  actor,
  referralId,
}: {
  actor: Actor;
  referralId: string;
}): Promise<DisclosureListView> {
  const { kase } = await loadReferral(db, actor, referralId, "referral:read");
  const rows = await db
    .select({ row: disclosures, name: users.name, email: users.email })
    .from(disclosures)
    .leftJoin(users, eq(users.id, disclosures.sentById))
    .where(eq(disclosures.referralId, referralId))
    .orderBy(asc(disclosures.sentAt), asc(disclosures.createdAt));
  return {
    items: rows.map(({ row, name, email }) => toDisclosureView(row, { name, email })),
    permissions: { add: can(actor, "referral:manage", { case: kase.access }) },
  };
}
