"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { caseMemberRoles, type CaseMemberRole } from "@/lib/cases/constants";
import type { CaseDetail } from "@/lib/cases/views";
import { useAddMember, useRemoveMember } from "@/lib/client/hooks/use-cases";
import { useDirectory } from "@/lib/client/hooks/use-directory";
import { AccessRequestsList } from "./access-requests-list";
import { Field, invalidProps } from "./field";
import { LegalReviewForm } from "./legal-review-form";

export function MembersPanel({ detail }: { detail: CaseDetail }) {
  const add = useAddMember(detail.id);
  const remove = useRemoveMember(detail.id);
  const [q, setQ] = useState("");
  const [role, setRole] = useState<CaseMemberRole>("investigator");
  const [pickError, setPickError] = useState<string | undefined>();
  const directory = useDirectory(q);
  const taken = new Set([detail.lead?.id, ...detail.members.map((m) => m.id)]);
  const candidates = (directory.data ?? []).filter((u) => !taken.has(u.id));
  const manage = detail.permissions.manageMembers;

  return (
    <Card>
      <CardHeader>
        <CardTitle>People</CardTitle>
        <CardDescription>
          Members can see and work this case. Removing someone ends their access at once.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <ul className="flex flex-col gap-2 text-sm" aria-label="Case members">
          <li className="flex items-center justify-between">
            <span>
              {detail.lead?.name ?? "No lead"} <span className="text-muted-foreground">· lead</span>
            </span>
          </li>
          {detail.members.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-2">
              <span>
                {m.name} <span className="text-muted-foreground">· {m.role}</span>
              </span>
              {manage ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${m.name}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(m.id)}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {manage ? (
          <form
            aria-label="Add a member"
            className="flex flex-col gap-2 border-t pt-3"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const userId = String(new FormData(form).get("userId") ?? "");
              // Nobody is chosen until the lead picks someone: a default would add the first name listed.
              if (!userId) return setPickError("Choose the person to add");
              setPickError(undefined);
              add.mutate({ userId, role }, { onSuccess: () => (setQ(""), form.reset()) });
            }}
          >
            <Field id="member-search" label="Find a colleague">
              <Input id="member-search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or email" />
            </Field>
            <Field id="member-user" label="Person" error={pickError}>
              <Select
                id="member-user"
                name="userId"
                defaultValue=""
                disabled={candidates.length === 0}
                onChange={() => setPickError(undefined)}
                {...invalidProps("member-user", pickError)}
              >
                <option value="">{candidates.length === 0 ? "Nobody to add" : "Choose a person…"}</option>
                {candidates.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.role})
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="member-role" label="Role in the case">
              <Select id="member-role" value={role} onChange={(e) => setRole(e.target.value as CaseMemberRole)}>
                {caseMemberRoles.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" size="sm" disabled={add.isPending || candidates.length === 0}>
              Add member
            </Button>
            {add.error ? <Alert tone="error">{add.error.message}</Alert> : null}
          </form>
        ) : null}
        {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
        {/* Asking legal in and deciding requests for access follow the same rule as managing members. */}
        {manage ? <LegalReviewForm caseId={detail.id} /> : null}
        {manage ? <AccessRequestsList caseId={detail.id} /> : null}
      </CardContent>
    </Card>
  );
}
