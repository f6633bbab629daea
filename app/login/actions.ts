"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";
import { appOrigin } from "@/lib/auth/origin";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { SSO_PROVIDER_ID } from "@/lib/auth/sso-provider";
import { env } from "@/lib/env";

export interface LoginState {
  error?: string;
  email?: string;
}

const loginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(254),
  password: z.string().min(1, "Enter your password").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

/** Failed sign-ins are limited per account and per address (see auth.ts); say how long to wait. */
function lockedMessage(minutes: number): string {
  return `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!env.PASSWORD_LOGIN) return { error: "Sign-in with a password is turned off here; use single sign-on." };
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email and password" };
  // Only a path of this app: an open redirect after sign-in would help phishing.
  const redirectTo = safeRedirectPath(parsed.data.callbackUrl, appOrigin(await headers()));
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js errors are ours to turn into a message. A disabled
    // account gets the same answer as a wrong password, so the form never confirms a password.
    const locked = error instanceof CredentialsSignin ? /^locked-(\d+)$/.exec(error.code) : null;
    if (locked) return { error: lockedMessage(Number(locked[1])), email: parsed.data.email };
    if (error instanceof AuthError) return { error: "Email or password is incorrect.", email: parsed.data.email };
    throw error;
  }
  return {};
}

/** "Sign in with <provider>": off to the OpenID provider, back to the page the visitor asked for. */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const callbackUrl = formData.get("callbackUrl");
  const redirectTo = safeRedirectPath(
    typeof callbackUrl === "string" ? callbackUrl.slice(0, 2000) : undefined,
    appOrigin(await headers()),
  );
  // signIn redirects by throwing, which Next turns into the redirect itself.
  await signIn(SSO_PROVIDER_ID, { redirectTo });
}
