"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { usePreferences, useSavePreferences } from "@/lib/client/hooks/use-notifications";
import { type EmailMode, notificationEventLabels } from "@/lib/notifications/constants";
import type { PreferenceView, Preferences } from "@/lib/notifications/schema";

interface NotificationPreferencesProps {
  initial: Preferences;
}

const emailLabels: Record<EmailMode, string> = { immediate: "At once", daily: "Daily digest", off: "Off" };

/** Per event: in the app or not, and by e-mail at once, in the daily digest or not at all. */
export function NotificationPreferences({ initial }: NotificationPreferencesProps) {
  const { data = initial } = usePreferences(initial);
  const save = useSavePreferences();
  const [items, setItems] = useState<PreferenceView[]>(data.items);
  const [saved, setSaved] = useState(false);
  const change = (event: string, patch: Partial<PreferenceView>) => {
    setSaved(false);
    setItems((all) => all.map((p) => (p.event === event ? { ...p, ...patch } : p)));
  };
  return (
    <form
      aria-label="Notification preferences"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ items }, { onSuccess: () => setSaved(true) });
      }}
    >
      {!data.emailAvailable ? (
        <p className="text-xs text-muted-foreground">
          This server has no SMTP server configured, so no e-mail is sent.
        </p>
      ) : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-muted-foreground">
            <th className="py-1 font-medium">Event</th>
            <th className="py-1 font-medium">In the app</th>
            <th className="py-1 font-medium">E-mail</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const label = notificationEventLabels[p.event];
            return (
              <tr key={p.event} className="border-t">
                <td className="py-1 pr-3">{label}</td>
                <td className="py-1">
                  <input
                    type="checkbox"
                    aria-label={`In the app: ${label}`}
                    checked={p.inApp}
                    onChange={(e) => change(p.event, { inApp: e.target.checked })}
                  />
                </td>
                <td className="py-1">
                  <Select
                    aria-label={`E-mail: ${label}`}
                    value={p.email}
                    className="w-36"
                    onChange={(e) => change(p.event, { email: e.target.value as EmailMode })}
                  >
                    {Object.entries(emailLabels).map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </Select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save preferences"}
        </Button>
        {saved ? <span role="status">Saved</span> : null}
      </div>
      {save.error ? <Alert tone="error">{save.error.message}</Alert> : null}
    </form>
  );
}
