import type { ReferralStatus } from "@/lib/referrals/constants";
import { referralStatusLabels } from "@/lib/referrals/destinations";
import { cn } from "@/lib/utils";

const styles: Record<ReferralStatus, string> = {
  draft: "bg-muted text-foreground",
  submitted: "bg-primary/15 text-primary",
  acknowledged: "bg-primary/25 text-foreground",
  closed: "bg-success/20 text-foreground",
  declined: "bg-muted text-muted-foreground",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  return (
    <span
      data-testid="referral-status"
      className={cn("inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium", styles[status])}
    >
      {referralStatusLabels[status]}
    </span>
  );
}
