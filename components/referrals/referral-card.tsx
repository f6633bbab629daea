"use client";

import { LocalDate, LocalDateTime } from "@/components/ui/local-time";
import type { ReactNode } from "react";
import { OverdueBadge } from "@/components/remediation/task-status-badge";
import type { ReferralView } from "@/lib/referrals/views";
import { cn } from "@/lib/utils";
import { DisclosureLog } from "./disclosure-log";
import { ReferralActions } from "./referral-actions";
import { ReferralStatusBadge } from "./referral-status-badge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ReferralCard({ referral }: { referral: ReferralView }) {
  const headingId = `referral-${referral.id}`;
  const showName = referral.destination !== "other" && referral.destinationName;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="referral"
      className={cn(
        "flex flex-col gap-3 rounded-md border p-4",
        referral.overdue && "border-destructive/60 bg-destructive/5",
      )}
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          {referral.destinationLabel}
          {showName ? <span className="font-normal text-muted-foreground"> · {referral.destinationName}</span> : null}
        </h3>
        <ReferralStatusBadge status={referral.status} />
        {referral.overdue ? <OverdueBadge /> : null}
      </header>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Fact label="Reference">
          <span className="font-mono" data-testid="referral-reference">
            {referral.referenceNo ?? "—"}
          </span>
        </Fact>
        <Fact label="Submitted">
          <LocalDate iso={referral.submittedAt} />
        </Fact>
        <Fact label="Acknowledged">
          <LocalDate iso={referral.acknowledgedAt} />
        </Fact>
        <Fact label="Deadline">
          <span className={referral.overdue ? "font-medium text-destructive" : undefined}>
            <LocalDateTime iso={referral.deadlineAt} />
          </span>
        </Fact>
        <Fact label="Contact">{referral.contact ?? "—"}</Fact>
        <Fact label="Created by">{referral.createdBy?.name ?? "—"}</Fact>
        {referral.closedAt ? (
          <Fact label={referral.status === "declined" ? "Declined" : "Closed"}>
            <LocalDate iso={referral.closedAt} />
          </Fact>
        ) : null}
      </dl>
      {referral.notes ? <p className="whitespace-pre-wrap text-sm">{referral.notes}</p> : null}
      <ReferralActions referral={referral} />
      <DisclosureLog referral={referral} />
    </article>
  );
}
