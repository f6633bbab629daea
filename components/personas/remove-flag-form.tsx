"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

interface RemoveFlagFormProps {
  code: string;
  /** Raised by the system: a reason is required. */
  bySystem: boolean;
  pending: boolean;
  onRemove: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why a flag goes (required when the system raised it); the reason is kept in the audit trail. */
export function RemoveFlagForm({ code, bySystem, pending, onRemove, onCancel }: RemoveFlagFormProps) {
  const [reason, setReason] = useState("");
  const id = `remove-reason-${code}`;
  return (
    <form
      aria-label={`Remove ${code}`}
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (bySystem && !reason.trim()) return;
        onRemove(reason.trim());
      }}
    >
      <label htmlFor={id} className="text-xs font-medium">
        {bySystem ? "Why is it wrong?" : "Reason (optional)"}
      </label>
      <Input id={id} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required={bySystem} />
      <div className="flex gap-1">
        <Button type="submit" size="sm" variant="destructive" disabled={pending || (bySystem && !reason.trim())}>
          Remove flag
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
