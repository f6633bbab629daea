import { and, eq, gte, isNotNull, lte, max, ne } from "drizzle-orm";
import { db } from "@/db";
import { cases, exports } from "@/db/schema";
import { batesNumber } from "./plan";

/*
 * Bates numbers are never given twice within a case for the same prefix: a production takes its
 * range when its page count is known, in a transaction that holds the case row, so two builds of
 * the same case cannot take the same numbers. A failed build's numbers were never handed over and
 * are free again.
 */

type Reader = Pick<typeof db, "select">;

const liveRanges = (caseId: string, prefix: string, exceptExportId?: string) =>
  and(
    eq(exports.caseId, caseId),
    eq(exports.batesPrefix, prefix),
    ne(exports.status, "failed"),
    isNotNull(exports.batesFirst),
    exceptExportId ? ne(exports.id, exceptExportId) : undefined,
  );

/** The first number after every range the case's productions with this prefix have taken. */
export async function nextBatesNumber(reader: Reader, caseId: string, prefix: string, exceptExportId?: string) {
  const [row] = await reader
    .select({ last: max(exports.batesLast) })
    .from(exports)
    .where(liveRanges(caseId, prefix, exceptExportId));
  return (row?.last ?? 0) + 1;
}

/** An earlier production of the case whose range meets [first, last], if any. */
export async function overlappingProduction(
  reader: Reader,
  caseId: string,
  prefix: string,
  first: number,
  last: number,
  exceptExportId?: string,
) {
  const [row] = await reader
    .select({ id: exports.id, first: exports.batesFirst, last: exports.batesLast })
    .from(exports)
    .where(
      and(liveRanges(caseId, prefix, exceptExportId), lte(exports.batesFirst, last), gte(exports.batesLast, first)),
    )
    .limit(1);
  return row ?? null;
}

export class BatesTaken extends Error {}

/**
 * Takes `pages` numbers for this export: from `start` when one was asked for (refused if any of
 * them was already produced in the case), else right after the case's last production.
 */
export async function takeBatesRange(input: {
  caseId: string;
  exportId: string;
  prefix: string;
  start: number | undefined;
  pages: number;
}): Promise<{ first: number; last: number }> {
  const { caseId, exportId, prefix, start, pages } = input;
  return db.transaction(async (tx) => {
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
    const first = start ?? (await nextBatesNumber(tx, caseId, prefix, exportId));
    // An empty production takes no numbers: it records where it would have started.
    const last = first + Math.max(pages, 1) - 1;
    const clash = await overlappingProduction(tx, caseId, prefix, first, last, exportId);
    if (clash)
      throw new BatesTaken(
        `Bates numbers ${batesNumber(prefix, clash.first!)} to ${batesNumber(prefix, clash.last!)} were already produced in this case; the next free number is ${await nextBatesNumber(tx, caseId, prefix, exportId)}.`,
      );
    await tx
      .update(exports)
      .set({ batesPrefix: prefix, batesFirst: first, batesLast: pages === 0 ? first - 1 : last })
      .where(eq(exports.id, exportId));
    return { first, last };
  });
}
