import { randomInt } from "node:crypto";
import { startImport } from "@/lib/sanctions/import-list";
import { uniqueWord } from "./cases";

export interface ListedEntry {
  entNum: string;
  /** As the list writes it: "SURNAME, Given". */
  name: string;
  /** The same name as a persona would carry it. */
  personaName: string;
  wallet: string | null;
}

/** A made-up SDN entry with a unique name and, optionally, a listed ETH wallet. */
export function sdnEntry({ wallet = null }: { wallet?: string | null } = {}): ListedEntry {
  const surname = uniqueWord("kim").toUpperCase();
  return {
    entNum: String(randomInt(800_000, 899_999)),
    name: `${surname}, Chol`,
    personaName: `Chol ${surname.toLowerCase().replace(/^./, (c) => c.toUpperCase())}`,
    wallet,
  };
}

/**
 * Imports a new OFAC SDN version holding these entries (it becomes the current one) and waits for
 * it; `extra` changes the file so the same entries can come again in another version.
 */
export async function importSdn(entries: readonly ListedEntry[], extra = uniqueWord()): Promise<string> {
  const line = (e: ListedEntry) =>
    `${e.entNum},"${e.name}","individual","DPRK4",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${
      e.wallet ? `"Digital Currency Address - ETH ${e.wallet}."` : "-0- "
    }\r\n`;
  const filler = `${randomInt(900_000, 999_999)},"${extra.toUpperCase()} TRADING",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`;
  const started = await startImport(null, {
    source: "ofac_sdn_csv",
    fileName: "sdn.csv",
    file: new Uint8Array(Buffer.from(entries.map(line).join("") + filler)),
  });
  await started.done;
  return started.id;
}
