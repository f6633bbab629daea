import { z } from "zod";
import { userRoles, type UserRole } from "@/lib/users/constants";

/*
 * Single sign-on settings (OpenID Connect), part of lib/env.ts's schema. Kept here so the rules
 * about what makes a usable configuration sit beside the fields they judge.
 */

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export interface RoleMapping {
  /** A value of the role claim, as the provider sends it (compared exactly). */
  value: string;
  role: UserRole;
}

/** `casework-admins=admin, casework-legal=legal`: the first entry the user's claim holds wins. */
export function parseRoleMap(text: string): { mappings: RoleMapping[]; errors: string[] } {
  const mappings: RoleMapping[] = [];
  const errors: string[] = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const at = entry.lastIndexOf("=");
    const value = at > 0 ? entry.slice(0, at).trim() : "";
    const role = at > 0 ? entry.slice(at + 1).trim() : "";
    if (!value || !role) errors.push(`"${entry}" is not claim-value=role`);
    else if (!(userRoles as readonly string[]).includes(role))
      errors.push(`"${entry}": ${role} is not a role (${userRoles.join(", ")})`);
    else mappings.push({ value, role: role as UserRole });
  }
  return { mappings, errors };
}

export const ssoEnvFields = {
  /** The provider's issuer URL; its /.well-known/openid-configuration is read at sign-in. */
  OIDC_ISSUER: optionalText.pipe(
    z.url({ protocol: /^https?$/, message: "must be an http:// or https:// address" }).optional(),
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** The claim (in the ID token) that carries the user's groups or roles: a string or a list. */
  OIDC_ROLE_CLAIM: optionalText.transform((v) => v ?? "groups"),
  OIDC_ROLE_MAP: optionalText.transform((v) => parseRoleMap(v ?? "")),
  /** E-mail domains allowed to sign in (comma-separated); unset allows any the provider vouches for. */
  OIDC_ALLOWED_DOMAINS: optionalText.transform((v) =>
    (v ?? "")
      .split(",")
      .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
  ),
  /** Scopes asked for; add the one that releases the role claim where the provider needs it (Okta: groups). */
  OIDC_SCOPES: optionalText.transform((v) => v ?? "openid email profile"),
  /** What the login page's button names: "Sign in with <OIDC_NAME>". */
  OIDC_NAME: optionalText.transform((v) => v ?? "single sign-on"),
  /** false: no sign-in with a local password (the login form is hidden, the provider refuses). */
  PASSWORD_LOGIN: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
};

interface SsoFields {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_ROLE_MAP: { mappings: RoleMapping[]; errors: string[] };
  PASSWORD_LOGIN: boolean;
}

/** A configuration that could sign nobody in is refused at start-up, with what to fix. */
export function checkSsoEnv(v: SsoFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const parts = {
    OIDC_ISSUER: v.OIDC_ISSUER,
    OIDC_CLIENT_ID: v.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: v.OIDC_CLIENT_SECRET,
  };
  const given = Object.values(parts).some(Boolean);
  if (given) {
    for (const [name, value] of Object.entries(parts))
      if (!value)
        issue(name, "is required for single sign-on (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)");
    if (v.OIDC_ROLE_MAP.mappings.length === 0 && v.OIDC_ROLE_MAP.errors.length === 0)
      issue("OIDC_ROLE_MAP", "is required for single sign-on: map claim values to roles, e.g. casework-admins=admin");
  }
  for (const error of v.OIDC_ROLE_MAP.errors) issue("OIDC_ROLE_MAP", error);
  if (!v.PASSWORD_LOGIN && !given)
    issue(
      "PASSWORD_LOGIN",
      "false needs single sign-on configured (OIDC_ISSUER and the rest), or nobody could sign in",
    );
}

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string;
  roleClaim: string;
  roleMap: RoleMapping[];
  allowedDomains: string[];
}

/** The single sign-on configuration, or null when it is not set up. */
export function ssoConfigFrom(e: {
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_NAME: string;
  OIDC_SCOPES: string;
  OIDC_ROLE_CLAIM: string;
  OIDC_ROLE_MAP: { mappings: RoleMapping[] };
  OIDC_ALLOWED_DOMAINS: string[];
}): SsoConfig | null {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME,
    scopes: e.OIDC_SCOPES,
    roleClaim: e.OIDC_ROLE_CLAIM,
    roleMap: e.OIDC_ROLE_MAP.mappings,
    allowedDomains: e.OIDC_ALLOWED_DOMAINS,
  };
}
