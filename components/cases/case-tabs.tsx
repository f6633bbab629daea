"use client";

import { Tabs } from "radix-ui";
import type { ReactNode } from "react";
import { useUrlState } from "@/lib/client/use-url-state";
import { cn } from "@/lib/utils";

export const caseTabs = [
  { id: "overview", label: "Overview" },
  { id: "evidence", label: "Evidence" },
  { id: "personas", label: "Personas & graph" },
  { id: "remediation", label: "Remediation" },
  { id: "referrals", label: "Referrals" },
  { id: "timeline", label: "Timeline" },
  { id: "activity", label: "Activity" },
] as const;
export type CaseTabId = (typeof caseTabs)[number]["id"];

/** Radix tabs (arrow keys move between them) with the open tab kept in the URL. */
export function CaseTabs({ panels }: { panels: Record<CaseTabId, ReactNode> }) {
  const { searchParams, set } = useUrlState();
  const requested = searchParams.get("tab");
  const value = caseTabs.some((t) => t.id === requested) ? (requested as CaseTabId) : "overview";
  return (
    <Tabs.Root
      value={value}
      onValueChange={(tab) => set({ tab: tab === "overview" ? null : tab }, { resetPage: false })}
    >
      <Tabs.List aria-label="Case sections" className="mb-4 flex flex-wrap gap-1 border-b">
        {caseTabs.map((t) => (
          <Tabs.Trigger
            key={t.id}
            value={t.id}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground",
              "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=active]:border-primary data-[state=active]:text-foreground",
            )}
          >
            {t.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {caseTabs.map((t) => (
        <Tabs.Content key={t.id} value={t.id} className="focus-visible:outline-none">
          {value === t.id ? panels[t.id] : null}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
