import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { PageHeader } from "@/components/shell/page-header";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { getPreferences } from "@/lib/notifications/preferences";
import { listTokens } from "@/lib/tokens/tokens";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  const [tokens, preferences] = await Promise.all([listTokens({ actor }), getPreferences({ actor })]);
  return (
    <>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email} · ${actor.role}`} />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs out your other browser sessions; API tokens keep working.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Notifications</CardTitle>
          <CardDescription>
            What you are told, in the app (the bell in the top bar) and by e-mail, at once or in one digest a day. You
            are only ever told about cases you may see.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <NotificationPreferences initial={preferences} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>API tokens</CardTitle>
          <CardDescription>
            Tokens let scripts use the API with your permissions. They are stored hashed and shown once.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <CreateTokenForm />
          <TokensTable scope="mine" initialTokens={tokens} />
        </CardContent>
      </Card>
    </>
  );
}
