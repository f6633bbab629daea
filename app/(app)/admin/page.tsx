import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditCheck } from "@/components/admin/audit-check";
import { SanctionsPanel } from "@/components/admin/sanctions-panel";
import { SettingsPanel } from "@/components/admin/settings-panel";
import { UsersPanel } from "@/components/admin/users-panel";
import { WebhooksPanel } from "@/components/admin/webhooks-panel";
import { PageHeader } from "@/components/shell/page-header";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { signingKeyFingerprint } from "@/lib/exports/signing-key-fingerprint";
import { listSanctionsLists } from "@/lib/sanctions/list-lists";
import { readSettings } from "@/lib/settings/get-settings";
import { listTokens } from "@/lib/tokens/tokens";
import { listUsers } from "@/lib/users/users";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const actor = await requireActor();
  if (!can(actor, "user:manage")) notFound();
  const [users, tokens, settings, sanctionsLists, webhooks] = await Promise.all([
    listUsers({ actor }),
    listTokens({ actor, all: true }),
    readSettings(),
    listSanctionsLists({ actor }),
    listWebhooks({ actor }),
  ]);
  const signing = signingKeyFingerprint({ actor });
  return (
    <>
      <PageHeader
        title="Admin"
        description="Users, roles, identifier settings, sanctions lists, webhooks, API tokens and the integrity of the audit log."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Users</CardTitle>
            <CardDescription>Disabling a user ends their sessions and tokens at once.</CardDescription>
          </CardHeader>
          <CardContent>
            <UsersPanel initialUsers={users} currentUserId={actor.id} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Identifiers</CardTitle>
            <CardDescription>
              Phone numbers written without a country code (020 7946 0958) are read in this region, unless the person
              entering one names another.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SettingsPanel initialSettings={settings} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sanctions lists</CardTitle>
            <CardDescription>
              Personas are screened against the newest finished version of each list. Every version stays, with its
              SHA-256, for the record of what was screened against it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SanctionsPanel initialLists={sanctionsLists} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Webhooks</CardTitle>
            <CardDescription>
              Endpoints that receive events as signed JSON POSTs, retried for a day when they fail. Payloads carry ids
              and what changed, never evidence or case content.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <WebhooksPanel initial={webhooks} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>API tokens</CardTitle>
            <CardDescription>Every user&apos;s tokens. A token acts with its owner&apos;s permissions.</CardDescription>
          </CardHeader>
          <CardContent>
            <TokensTable scope="all" initialTokens={tokens} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Audit log</CardTitle>
            <CardDescription>
              Each event is hashed together with the one before it; any change or deletion breaks the chain.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <AuditCheck />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Evidence pack signing key</CardTitle>
            <CardDescription>
              Every pack&apos;s manifest is signed with this instance&apos;s {signing.algorithm} key. Give recipients
              this fingerprint so they can check that the public-key.pem in a pack is this instance&apos;s key.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-1">
            <p className="break-all font-mono text-sm" data-testid="signing-key-fingerprint">
              {signing.fingerprint}
            </p>
            <p className="text-xs text-muted-foreground">
              SHA-256 of the public key in DER form; a recipient computes it with: openssl pkey -pubin -in
              public-key.pem -outform DER | sha256sum
            </p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
