import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { sessionActor } from "@/lib/auth/current";
import { env, ssoConfig } from "@/lib/env";
import { ssoSignInAction } from "./actions";
import { LoginForm } from "./login-form";
import { signInErrorMessage } from "./sso-errors";

export const metadata: Metadata = { title: "Sign in" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  if (await sessionActor()) redirect("/");
  const params = await searchParams;
  const callbackUrl = one(params.callbackUrl);
  const error = signInErrorMessage(one(params.error), ssoConfig?.name ?? "single sign-on");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-lg font-semibold">Sign in to Casework</h1>
          <CardDescription>Investigations of fake remote workers. Access is logged.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          {ssoConfig ? (
            <form action={ssoSignInAction}>
              <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
              <Button type="submit" className="w-full">
                Sign in with {ssoConfig.name}
              </Button>
            </form>
          ) : null}
          {ssoConfig && env.PASSWORD_LOGIN ? (
            <p className="text-center text-xs text-muted-foreground">or with your Casework password</p>
          ) : null}
          {env.PASSWORD_LOGIN ? <LoginForm callbackUrl={callbackUrl} /> : null}
        </CardContent>
      </Card>
    </main>
  );
}
