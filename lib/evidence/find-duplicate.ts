import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { evidence, users } from "@/db/schema";
import { actorLabel } from "@/lib/auth/actor";
import { exhibitLabel, type DuplicateOf } from "./views";

/**
 * The earliest live exhibit of `caseId`, other than `exceptId`, with these bytes. Only the same
 * case is searched: the same bytes in a case the uploader may not see must stay unsaid.
 */
export async function findDuplicate(
  runner: DbOrTx,
  caseId: string,
  sha256: string,
  exceptId: string,
): Promise<DuplicateOf | null> {
  const [found] = await runner
    .select({
      id: evidence.id,
      exhibitNo: evidence.exhibitNo,
      title: evidence.title,
      createdAt: evidence.createdAt,
      uploaderName: users.name,
      uploaderEmail: users.email,
    })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.uploadedById))
    .where(
      and(
        eq(evidence.caseId, caseId),
        eq(evidence.sha256, sha256),
        isNull(evidence.deletedAt),
        ne(evidence.id, exceptId),
      ),
    )
    .orderBy(asc(evidence.exhibitNo))
    .limit(1);
  if (!found) return null;
  return {
    id: found.id,
    exhibitNo: exhibitLabel(found.exhibitNo),
    title: found.title,
    uploadedBy:
      found.uploaderName && found.uploaderEmail
        ? actorLabel({ name: found.uploaderName, email: found.uploaderEmail })
        : null,
    uploadedAt: found.createdAt.toISOString(),
  };
}
