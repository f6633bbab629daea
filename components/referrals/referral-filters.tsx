"use client";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { referralDestinations, referralStatuses } from "@/lib/referrals/constants";
import { useUrlState } from "@/lib/client/use-url-state";
import { destinationLabels, referralStatusLabels } from "@/lib/referrals/destinations";

export function ReferralFilters() {
  const { searchParams, set } = useUrlState();
  return (
    <div className="mb-3 flex flex-wrap items-end gap-2">
      <div className="flex w-64 flex-col gap-1">
        <Label htmlFor="filter-destination">Destination</Label>
        <Select
          id="filter-destination"
          value={searchParams.get("destination") ?? ""}
          onChange={(e) => set({ destination: e.target.value })}
        >
          <option value="">Any destination</option>
          {referralDestinations.map((d) => (
            <option key={d} value={d}>
              {destinationLabels[d]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex w-48 flex-col gap-1">
        <Label htmlFor="filter-referral-status">Status</Label>
        <Select
          id="filter-referral-status"
          value={searchParams.get("status") ?? ""}
          onChange={(e) => set({ status: e.target.value })}
        >
          <option value="">Any status</option>
          <option value="draft,submitted,acknowledged">Open</option>
          {referralStatuses.map((s) => (
            <option key={s} value={s}>
              {referralStatusLabels[s]}
            </option>
          ))}
        </Select>
      </div>
      {searchParams.toString() ? (
        <Button variant="ghost" onClick={() => window.history.pushState(null, "", window.location.pathname)}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
