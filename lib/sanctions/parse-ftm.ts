import { addUnique, emptyEntry, type ListedIdentifier, type ParsedEntry } from "./parsed";
import { listError } from "./parse-sdn";

/*
 * FollowTheMoney entities, one JSON object per line ({ id, schema, properties: { name: [...] } }),
 * as consolidated lists (UN, UK, EU...) are redistributed. Parties (Person, Organization, Company,
 * LegalEntity) become entries; wallets, passports, identifications, addresses and sanctions are
 * separate entities pointing at their party, and are folded into it.
 */

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const parties = new Set(["Person", "Organization", "Company", "LegalEntity"]);
const partyType: Record<string, string> = {
  Person: "individual",
  Organization: "entity",
  Company: "entity",
  LegalEntity: "entity",
};

function readLines(text: string): FtmEntity[] {
  const out: FtmEntity[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw listError(`Line ${i + 1} is not JSON`);
    }
    const e = value as Partial<FtmEntity>;
    if (typeof e?.id !== "string" || typeof e.schema !== "string" || typeof e.properties !== "object" || !e.properties)
      throw listError(`Line ${i + 1} is not a FollowTheMoney entity (id, schema and properties are required)`);
    const properties: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(e.properties))
      properties[k] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    out.push({ id: e.id, schema: e.schema, properties });
  });
  return out;
}

export function parseFtm(text: string): ParsedEntry[] {
  const entities = readLines(text);
  const byId = new Map<string, ParsedEntry>();
  const p = (e: FtmEntity, key: string) => e.properties[key] ?? [];
  for (const e of entities) {
    if (!parties.has(e.schema)) continue;
    const [name, ...others] = p(e, "name");
    if (!name) throw listError(`Entity ${e.id} (${e.schema}) has no name`);
    const entry = emptyEntry(e.id, name, partyType[e.schema]!);
    for (const alias of [...others, ...p(e, "alias"), ...p(e, "weakAlias"), ...p(e, "previousName")])
      addUnique(entry.aliases, alias);
    entry.birthDates = p(e, "birthDate");
    entry.nationalities = [...new Set([...p(e, "nationality"), ...p(e, "citizenship")])];
    entry.addresses = p(e, "address");
    entry.programs = p(e, "program");
    entry.title = p(e, "position")[0] ?? null;
    entry.remarks = p(e, "notes").join(" ") || null;
    for (const v of p(e, "email")) addUnique(entry.identifiers, { type: "email", value: v }, same);
    for (const v of p(e, "website")) addUnique(entry.identifiers, { type: "domain", value: v }, same);
    for (const v of [...p(e, "passportNumber"), ...p(e, "idNumber")])
      addUnique(entry.identifiers, { type: "government_id", value: v, label: "Identification" }, same);
    byId.set(e.id, entry);
  }
  for (const e of entities) {
    const holderId = p(e, "holder")[0] ?? p(e, "entity")[0];
    const holder = holderId ? byId.get(holderId) : undefined;
    if (e.schema === "CryptoWallet") {
      const wallet = { type: "crypto_wallet" as const, value: p(e, "publicKey")[0] ?? "", chain: p(e, "currency")[0] };
      if (!wallet.value) continue;
      // A wallet listed on its own is an entry of its own.
      const target = holder ?? byId.set(e.id, emptyEntry(e.id, p(e, "name")[0] ?? wallet.value, "wallet")).get(e.id)!;
      addUnique(target.identifiers, wallet, same);
    } else if ((e.schema === "Passport" || e.schema === "Identification") && holder) {
      for (const v of p(e, "number"))
        addUnique(holder.identifiers, { type: "government_id", value: v, label: e.schema }, same);
    } else if (e.schema === "Address" && holder) {
      for (const v of p(e, "full")) addUnique(holder.addresses, v);
    } else if (e.schema === "Sanction" && holder) {
      for (const v of p(e, "program")) addUnique(holder.programs, v);
    }
  }
  // Addresses referenced from the party (addressEntity) rather than pointing at it.
  const addresses = new Map(entities.filter((e) => e.schema === "Address").map((e) => [e.id, p(e, "full")]));
  for (const e of entities) {
    const entry = byId.get(e.id);
    if (entry)
      for (const ref of p(e, "addressEntity")) for (const v of addresses.get(ref) ?? []) addUnique(entry.addresses, v);
  }
  return [...byId.values()];
}

const same = (a: ListedIdentifier, b: ListedIdentifier) => a.type === b.type && a.value === b.value;
