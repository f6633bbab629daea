import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { sessionActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Choose a new password" };

/** Where a user whose password an admin reset lands, until they choose a new one. */
export default async function ChangePasswordPage() {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  if (!actor.mustChangePassword) redirect("/account");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-lg font-semibold">Choose a new password</h1>
          <CardDescription>
            An administrator reset your password. Enter the temporary one you were given, then a password of your own.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm next="/" />
        </CardContent>
      </Card>
    </main>
  );
}
