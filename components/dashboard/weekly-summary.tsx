"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardSummary } from "@/lib/dashboard/views";
import { useDateSettings } from "@/components/ui/local-time";
import { summaryText } from "./summary-text";

/** The same numbers as plain text, ready to paste into an email. */
export function WeeklySummary({ summary }: { summary: DashboardSummary }) {
  const text = summaryText(summary, useDateSettings());
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <Card aria-labelledby="weekly-summary-title">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <CardTitle id="weekly-summary-title">Weekly summary</CardTitle>
          <CardDescription>The figures above as text, week by week, to paste into an email.</CardDescription>
        </div>
        <Button variant="outline" size="sm" onClick={copy} className="print:hidden">
          {state === "copied" ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
          Copy weekly summary
        </Button>
      </CardHeader>
      <CardContent>
        <p role="status" className="sr-only">
          {state === "copied"
            ? "Summary copied"
            : state === "failed"
              ? "Could not copy; select the text and copy it instead"
              : ""}
        </p>
        {state === "failed" ? (
          <p className="mb-2 text-sm text-destructive">Could not copy; select the text below and copy it instead.</p>
        ) : null}
        <pre
          data-testid="weekly-summary"
          tabIndex={0}
          className="max-h-80 overflow-auto whitespace-pre-wrap rounded-md bg-muted p-3 font-mono text-xs"
        >
          {text}
        </pre>
      </CardContent>
    </Card>
  );
}
