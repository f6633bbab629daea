"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api";
import { useSettings, useUpdateSettings } from "@/lib/client/hooks/use-settings";
import type { SettingsView } from "@/lib/settings/schema";

interface SettingsPanelProps {
  initialSettings: SettingsView;
}

export function SettingsPanel({ initialSettings }: SettingsPanelProps) {
  const { data: settings = initialSettings } = useSettings(initialSettings);
  const update = useUpdateSettings();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const region = String(new FormData(event.currentTarget).get("defaultPhoneRegion") ?? "").trim();
    setError(null);
    setSaved(null);
    try {
      const out = await update.mutateAsync({ defaultPhoneRegion: region === "" ? null : region });
      setSaved(
        out.defaultPhoneRegion
          ? `Saved: numbers without a country code are read as ${out.defaultPhoneRegion} numbers.`
          : "Saved: numbers without a country code need a region on each entry.",
      );
    } catch (e) {
      if (e instanceof Error)
        setError(e instanceof ApiError ? (e.fieldErrors().defaultPhoneRegion ?? e.message) : e.message);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Organisation settings" className="flex flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1.5 sm:w-72">
        <Label htmlFor="default-phone-region">Default phone region</Label>
        <Input
          // Keyed by the stored value, so a save from elsewhere shows here.
          key={settings.defaultPhoneRegion ?? ""}
          id="default-phone-region"
          name="defaultPhoneRegion"
          defaultValue={settings.defaultPhoneRegion ?? ""}
          maxLength={2}
          autoComplete="off"
          placeholder="e.g. US or GB"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "default-phone-region-error" : "default-phone-region-hint"}
        />
        {error ? (
          <p id="default-phone-region-error" className="text-xs text-destructive">
            {error}
          </p>
        ) : (
          <p id="default-phone-region-hint" className="text-xs text-muted-foreground">
            Two letters. Leave empty to require a country code or a region on every number.
          </p>
        )}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save settings"}
        </Button>
        {settings.updatedBy ? (
          <span className="text-xs text-muted-foreground">Last saved by {settings.updatedBy.name}</span>
        ) : null}
      </div>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </form>
  );
}
