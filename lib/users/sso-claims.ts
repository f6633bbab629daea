import type { SsoConfig } from "@/lib/auth/sso-env";
import type { UserRole } from "./constants";

/** Why a provider's user may not sign in; the login page words each one (app/login/sso-errors.ts). */
export const ssoRefusals = ["no_email", "unverified_email", "domain", "no_role", "disabled", "other_subject"] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

export interface SsoIdentity {
  subject: string;
  email: string;
  name: string;
  role: UserRole;
  /** The claim values the role was read from, for the audit trail. */
  claimValues: string[];
}

/** A claim that may hold one value, a list, or a space/comma-separated string (as some providers send). */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * What the provider's ID token claims mean here, decided without the database: the account's
 * e-mail, name and role, or why it is refused. The first entry of the role map that the user's
 * claim holds wins, so an operator orders the map from the most to the least privileged role.
 */
export function readSsoClaims(
  claims: Record<string, unknown>,
  config: Pick<SsoConfig, "roleClaim" | "roleMap" | "allowedDomains">,
): { ok: true; identity: SsoIdentity } | { ok: false; reason: SsoRefusal; email?: string } {
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!subject || !/^[^@\s]+@[^@\s]+$/.test(email)) return { ok: false, reason: "no_email" };
  // An address the provider says it has not verified could belong to anyone: never trust it to
  // name an account. Providers that do not send the claim at all (Entra ID) vouch for their own.
  if (claims.email_verified === false || claims.email_verified === "false")
    return { ok: false, reason: "unverified_email", email };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (config.allowedDomains.length > 0 && !config.allowedDomains.includes(domain))
    return { ok: false, reason: "domain", email };
  const values = claimValues(claims[config.roleClaim]);
  const mapped = config.roleMap.find((m) => values.includes(m.value));
  if (!mapped) return { ok: false, reason: "no_role", email };
  const given = typeof claims.name === "string" ? claims.name.trim() : "";
  const name = (given || email.slice(0, email.indexOf("@"))).slice(0, 200);
  return { ok: true, identity: { subject, email, name, role: mapped.role, claimValues: values.slice(0, 50) } };
}
