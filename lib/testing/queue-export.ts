// Prepares a case and a queued export on DATABASE_URL for a test that runs the real worker
// against it: `tsx --conditions=react-server lib/testing/queue-export.ts`. Prints the export id.
import { closeDb } from "@/db";
import { createExport } from "@/lib/exports/create-export";
import { makeCase } from "./cases";
import { makeActor } from "./factories";

async function main(): Promise<void> {
  const lead = await makeActor("investigator");
  const c = await makeCase(lead);
  const { id } = await createExport({ actor: lead, caseId: c.id });
  process.stdout.write(`${id}\n`);
}

void main().finally(() => closeDb());
