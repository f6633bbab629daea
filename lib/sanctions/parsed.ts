import type { IdentifierType } from "@/db/schema";

/** An identifier as a list writes it, before the persona normalisers make its match key. */
export interface ListedIdentifier {
  type: Extract<IdentifierType, "crypto_wallet" | "email" | "domain" | "government_id">;
  value: string;
  /** For wallets: the ticker the list gives ("XBT", "ETH", "USDT"). */
  chain?: string;
  /** What the list calls it ("Passport", "National ID No."), for documents. */
  label?: string;
}

/** One listed person, organisation, vessel or aircraft, whatever the list's format. */
export interface ParsedEntry {
  entNum: string;
  name: string;
  type: string;
  programs: string[];
  title: string | null;
  remarks: string | null;
  remarksCut: boolean;
  aliases: string[];
  birthDates: string[];
  nationalities: string[];
  addresses: string[];
  identifiers: ListedIdentifier[];
}

export const emptyEntry = (entNum: string, name: string, type: string): ParsedEntry => ({
  entNum,
  name,
  type,
  programs: [],
  title: null,
  remarks: null,
  remarksCut: false,
  aliases: [],
  birthDates: [],
  nationalities: [],
  addresses: [],
  identifiers: [],
});

/** Adds without repeating (lists repeat an alias as a.k.a. and in alt.csv). */
export function addUnique<T>(list: T[], value: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
  if (!list.some((v) => same(v, value))) list.push(value);
}
