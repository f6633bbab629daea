"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ApiError } from "@/lib/client/api";
import { useCreateUser } from "@/lib/client/hooks/use-users";
import { type UserRole, userRoles } from "@/lib/users/constants";

export function CreateUserForm() {
  const create = useCreateUser();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setFieldErrors({});
    setCreated(null);
    try {
      const user = await create.mutateAsync({
        email: String(data.get("email") ?? ""),
        name: String(data.get("name") ?? ""),
        role: String(data.get("role") ?? "") as UserRole,
        password: String(data.get("password") ?? ""),
      });
      setCreated(`${user.name} (${user.email}) was added as ${user.role}.`);
      form.reset();
    } catch (error) {
      if (error instanceof ApiError) setFieldErrors(error.fieldErrors());
    }
  }

  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={`new-user-${name}`}>{label}</Label>
      {input}
      {fieldErrors[name] ? (
        <p id={`new-user-${name}-error`} className="text-xs text-destructive">
          {fieldErrors[name]}
        </p>
      ) : null}
    </div>
  );
  const invalid = (name: string) => ({
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `new-user-${name}-error` : undefined,
  });

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Add a user"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      noValidate
    >
      {field("name", "Name", <Input id="new-user-name" name="name" required {...invalid("name")} />)}
      {field("email", "Email", <Input id="new-user-email" name="email" type="email" required {...invalid("email")} />)}
      {field(
        "role",
        "Role",
        <Select id="new-user-role" name="role" defaultValue="investigator" {...invalid("role")}>
          {userRoles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>,
      )}
      {field(
        "password",
        "Initial password",
        <Input
          id="new-user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          {...invalid("password")}
        />,
      )}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add user"}
      </Button>
      <div className="sm:col-span-2 lg:col-span-5">
        {create.error && Object.keys(fieldErrors).length === 0 ? (
          <Alert tone="error">{create.error.message}</Alert>
        ) : null}
        {created ? <Alert tone="success">{created}</Alert> : null}
      </div>
    </form>
  );
}
