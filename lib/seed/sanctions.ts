import fs from "node:fs/promises";
import path from "node:path";
import { startImport } from "@/lib/sanctions/import-list";

/** The OFAC SDN snapshot kept with the product (reference-data/README.md), for the demo's screening. */
export const sdnSnapshot = path.join(process.cwd(), "reference-data/sanctions/ofac-sdn-2024-05-03.csv");

/** Imports the snapshot as the demo's OFAC list version; importing it again changes nothing. */
export async function seedSanctions(): Promise<{ entries: boolean }> {
  const file = new Uint8Array(await fs.readFile(sdnSnapshot));
  const started = await startImport(null, {
    source: "ofac_sdn_csv",
    fileName: path.basename(sdnSnapshot),
    file,
  });
  await started.done;
  return { entries: started.created };
}
