"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, invalidProps } from "@/components/cases/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { apiPath } from "@/lib/api/paths";
import { ApiError, apiFetch } from "@/lib/client/api";

/** Current password, then the new one twice; `next` is where to go once it is changed, if anywhere. */
export function ChangePasswordForm({ next }: { next?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const [currentPassword, newPassword, confirm] = ["currentPassword", "newPassword", "confirm"].map((k) =>
      String(data.get(k) ?? ""),
    );
    setDone(false);
    if (newPassword !== confirm) return setErrors({ confirm: "The two new passwords differ" });
    setErrors({});
    setPending(true);
    try {
      await apiFetch(apiPath("/api/me/password"), { method: "POST", body: { currentPassword, newPassword } });
      form.reset();
      setDone(true);
      if (next) {
        router.push(next);
        router.refresh();
      }
    } catch (e) {
      if (e instanceof ApiError) setErrors({ ...e.fieldErrors(), form: e.message });
      else if (e instanceof Error) setErrors({ form: e.message });
    } finally {
      setPending(false);
    }
  }

  const onlyForm = errors.form && !errors.currentPassword && !errors.newPassword;
  return (
    <form onSubmit={onSubmit} aria-label="Change password" className="flex max-w-sm flex-col gap-3" noValidate>
      <Field id="current-password" label="Current password" error={errors.currentPassword}>
        <Input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          {...invalidProps("current-password", errors.currentPassword)}
        />
      </Field>
      <Field id="new-password" label="New password" hint="At least 12 characters" error={errors.newPassword}>
        <Input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          {...invalidProps("new-password", errors.newPassword)}
        />
      </Field>
      <Field id="confirm-password" label="New password again" error={errors.confirm}>
        <Input
          id="confirm-password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          {...invalidProps("confirm-password", errors.confirm)}
        />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
      {onlyForm ? <Alert tone="error">{errors.form}</Alert> : null}
      {done ? (
        <Alert tone="success">Password changed. Your other sessions are signed out; API tokens keep working.</Alert>
      ) : null}
    </form>
  );
}
