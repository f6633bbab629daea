"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex max-w-xl flex-col gap-3">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <Alert tone="error">
        This page could not be loaded. {error.digest ? `Reference: ${error.digest}.` : null} Try again, and tell an
        administrator if it keeps happening.
      </Alert>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
