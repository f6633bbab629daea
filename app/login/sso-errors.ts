import { ssoRefusals, type SsoRefusal } from "@/lib/users/sso-claims";

/** The login page's words for a refused single sign-on (`?error=sso_<reason>`) or an Auth.js error. */
export function signInErrorMessage(code: string | undefined, provider: string): string | null {
  if (!code) return null;
  const reason = code.startsWith("sso_") ? code.slice(4) : null;
  if (reason && (ssoRefusals as readonly string[]).includes(reason)) {
    const messages: Record<SsoRefusal, string> = {
      no_role: `Your ${provider} account has no Casework role. Ask your administrator to add you to a Casework group.`,
      domain: "Your e-mail domain may not sign in to Casework.",
      disabled: "Your Casework account is disabled. Ask an administrator.",
      no_email: `${provider} sent no e-mail address for your account, so Casework cannot tell who you are.`,
      unverified_email: `${provider} has not verified your e-mail address, so Casework cannot rely on it.`,
      other_subject: `This e-mail address belongs to a Casework account linked to another ${provider} identity. Ask an administrator.`,
    };
    return messages[reason as SsoRefusal];
  }
  if (code === "AccessDenied") return "Sign-in was refused.";
  return `Sign-in with ${provider} did not complete. Try again; if it keeps failing, ask an administrator.`;
}
