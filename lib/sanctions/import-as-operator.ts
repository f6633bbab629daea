import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { sanctionsLists } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sanctionsSources, type SanctionsSource } from "./constants";
import { startImport } from "./import-list";

interface OperatorImport {
  source: string;
  file: string;
  alt?: string;
  add?: string;
  publishedAt?: string;
}

/** `npm run cli -- sanctions import`: reads the files, imports with the server's rights and waits for the result. */
export async function importListAsOperator(command: OperatorImport): Promise<{ ok: boolean; lines: string[] }> {
  if (!(sanctionsSources as readonly string[]).includes(command.source))
    throw new AppError("bad_request", `Source must be one of: ${sanctionsSources.join(", ")}`);
  const read = async (file: string | undefined) => (file ? new Uint8Array(await fs.readFile(file)) : undefined);
  const started = await startImport(null, {
    source: command.source as SanctionsSource,
    fileName: path.basename(command.file),
    file: (await read(command.file))!,
    alt: await read(command.alt),
    add: await read(command.add),
    publishedAt: command.publishedAt ?? null,
  });
  await started.done;
  const [list] = await db.select().from(sanctionsLists).where(eq(sanctionsLists.id, started.id));
  if (!list) return { ok: false, lines: ["the list version is gone"] };
  if (list.status === "failed") return { ok: false, lines: [`import failed: ${list.error ?? "unknown cause"}`] };
  const what = `${list.entries.toLocaleString("en-GB")} entries, ${list.source}, published ${list.publishedAt ?? "(date unknown)"}, SHA-256 ${list.sha256}`;
  return {
    ok: true,
    lines: [started.created ? `imported ${what}` : `already imported (nothing changed): ${what}`, `  id: ${list.id}`],
  };
}
