/**
 * One key per mailbox, by the provider's own rule: Gmail ignores dots and a "+tag" in the local
 * part and googlemail.com is gmail.com; Outlook/Hotmail/Live and Proton ignore a "+tag"; any other
 * domain is only lower-cased (its rules are unknown, and guessing would merge different people).
 * Migration 0011 applies the same rule in SQL to the rows stored before it: change both together.
 */
const gmail = new Set(["gmail.com", "googlemail.com"]);
const plusTagOnly = /^(?:(?:outlook|hotmail|live)\.[a-z.]+|msn\.com|protonmail\.com|protonmail\.ch|proton\.me|pm\.me)$/;

/** The key of a lower-cased, valid address. */
export function emailKey(address: string): string {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (gmail.has(domain)) {
    const bare = local.split("+")[0]!.replace(/\./g, "");
    return `${bare || local}@gmail.com`;
  }
  if (plusTagOnly.test(domain)) return `${local.split("+")[0] || local}@${domain}`;
  return address;
}
