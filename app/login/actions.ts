"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/auth";

export interface LoginState {
  error?: string;
  email?: string;
}

const loginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").max(254),
  password: z.string().min(1, "Enter your password").max(200),
  callbackUrl: z.string().max(2000).optional(),
});

/** Only same-site paths: an open redirect after sign-in would help phishing. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email and password" };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js errors are ours to turn into a message.
    if (error instanceof CredentialsSignin && error.code === "disabled") {
      return { error: "This account is disabled. Ask an administrator to enable it.", email: parsed.data.email };
    }
    if (error instanceof AuthError) return { error: "Email or password is incorrect.", email: parsed.data.email };
    throw error;
  }
  return {};
}
