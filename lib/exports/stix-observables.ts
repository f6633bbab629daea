import type { PackIdentifier } from "./data";
import { caseworkId, observableId } from "./stix-ids";

export type StixObject = Record<string, unknown> & { type: string; id: string };

// The email format the official schema checks (ajv-formats' "email"); anything else goes out as a custom object.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

const sco = (type: string, contributing: Record<string, unknown>, extra: Record<string, unknown> = {}): StixObject => ({
  type,
  spec_version: "2.1",
  id: observableId(type, contributing),
  ...contributing,
  ...extra,
});

/**
 * Phone numbers, crypto wallets and the other identifiers STIX has no object for become custom
 * observables (`x-casework-phone`, `x-casework-crypto-wallet`, `x-casework-identifier`) rather
 * than identity contact_information: they stay separate, typed objects that several personas
 * can point at, exactly as the shared-identifier graph has them. They carry no created/modified,
 * which keeps them observables in the schema's eyes (an object matching both the SDO and the
 * observable core is rejected by the bundle schema).
 */
function custom(type: string, i: PackIdentifier, extra: Record<string, unknown> = {}): StixObject {
  return {
    type,
    spec_version: "2.1",
    id: caseworkId(type, `${i.type}:${i.normalizedValue}`),
    value: i.value,
    ...extra,
  };
}

function platformAccount(i: PackIdentifier, kind: string): StixObject[] {
  const at = i.normalizedValue.indexOf(":");
  const platform = at > 0 ? i.normalizedValue.slice(0, at) : kind;
  const handle = at > 0 ? i.normalizedValue.slice(at + 1) : i.normalizedValue;
  const account = sco(
    "user-account",
    { account_type: platform, user_id: handle },
    { display_name: i.value, x_casework_identifier_type: i.type },
  );
  const url = /^https?:\/\/[^\s]+$/i.test(i.value) ? [sco("url", { value: i.value })] : [];
  return [account, ...url];
}

/** The STIX observables for one identifier; government ids (kept only as a keyed hash) are never shared. */
export function identifierObservables(i: PackIdentifier): StixObject[] {
  switch (i.type) {
    case "email":
      return EMAIL.test(i.normalizedValue)
        ? [sco("email-addr", { value: i.normalizedValue })]
        : [custom("x-casework-identifier", i, { identifier_type: i.type })];
    case "ip":
      return [sco(i.normalizedValue.includes(":") ? "ipv6-addr" : "ipv4-addr", { value: i.normalizedValue })];
    case "domain":
      return HOST.test(i.normalizedValue)
        ? [sco("domain-name", { value: i.normalizedValue })]
        : [custom("x-casework-identifier", i, { identifier_type: i.type })];
    case "social_handle":
    case "freelance_account":
    case "payment_account":
      return platformAccount(i, i.type);
    case "remote_access_id":
      return platformAccount(i, "remote-access");
    case "phone":
      return [
        custom("x-casework-phone", i, {
          e164: i.normalizedValue,
          ...(i.attributes.lineType ? { line_type: i.attributes.lineType } : {}),
        }),
      ];
    case "crypto_wallet":
      return [
        custom("x-casework-crypto-wallet", i, { address: i.normalizedValue, ...(i.chain ? { chain: i.chain } : {}) }),
      ];
    case "device":
      if (i.attributes.kind === "mac" && /^[0-9A-F]{12}$/.test(i.normalizedValue)) {
        return [sco("mac-addr", { value: i.normalizedValue.toLowerCase().match(/../g)!.join(":") })];
      }
      return [custom("x-casework-identifier", i, { identifier_type: i.type })];
    case "resume_hash":
    case "photo_hash":
      return [sco("file", { hashes: { "SHA-256": i.normalizedValue } }, { x_casework_identifier_type: i.type })];
    case "postal_address":
    case "bank_account":
      return [custom("x-casework-identifier", i, { identifier_type: i.type })];
    case "government_id":
      return [];
  }
}
