import { db } from "@/db";
import { collectTimeline } from "@/lib/cases/collect-timeline";
import { readAudit, readCase, readEvidence, readWithdrawn } from "./collect-case";
import { readNetwork } from "./collect-network";
import { readNotes } from "./collect-notes";
import { readScreening } from "./collect-screening";
import { readReferrals, readTasks } from "./collect-work";
import type { PackData } from "./data";

/**
 * Reads the case for a pack in one repeatable-read transaction, so the manifest, the report and
 * the CSVs all describe the same instant even while people keep working on the case.
 */
export async function collectPackData(caseId: string): Promise<PackData> {
  return db.transaction(
    async (tx) => {
      const kase = await readCase(tx, caseId);
      const evidence = await readEvidence(tx, caseId);
      const withdrawn = await readWithdrawn(tx, caseId);
      const network = await readNetwork(tx, caseId);
      const tasks = await readTasks(tx, caseId);
      const referrals = await readReferrals(tx, caseId);
      const notes = await readNotes(tx, caseId);
      const audit = await readAudit(tx, caseId);
      const { items: timeline } = await collectTimeline(tx, caseId);
      const screening = await readScreening(tx, network.personas);
      return { case: kase, evidence, withdrawn, ...network, tasks, referrals, notes, audit, timeline, screening };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
