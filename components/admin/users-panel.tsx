"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ResetPasswordButton } from "./reset-password-button";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { type UserRole, userRoles } from "@/lib/users/constants";
import { useUpdateUser, useUsers } from "@/lib/client/hooks/use-users";
import type { UserView } from "@/lib/users/schema";
import { CreateUserForm } from "./create-user-form";
import { LocalDateTime } from "@/components/ui/local-time";

interface UsersPanelProps {
  initialUsers: UserView[];
  currentUserId: string;
}

export function UsersPanel({ initialUsers, currentUserId }: UsersPanelProps) {
  const { data: users = [] } = useUsers(initialUsers);
  const update = useUpdateUser();
  return (
    <div className="flex flex-col gap-4">
      <CreateUserForm />
      {update.error ? <Alert tone="error">{update.error.message}</Alert> : null}
      <Table aria-label="Users">
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Last sign-in</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <Tr key={u.id}>
              <Td className="font-medium">
                {u.name}
                {u.id === currentUserId ? <span className="ml-1 text-xs text-muted-foreground">(you)</span> : null}
              </Td>
              <Td>{u.email}</Td>
              <Td>
                <Select
                  aria-label={`Role of ${u.name}`}
                  className="h-8 w-36"
                  value={u.role}
                  disabled={update.isPending}
                  onChange={(e) => update.mutate({ id: u.id, input: { role: e.target.value as UserRole } })}
                >
                  {userRoles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </Select>
              </Td>
              <Td>
                {u.disabled ? <Badge variant="destructive">disabled</Badge> : <Badge variant="muted">active</Badge>}
              </Td>
              <Td className="text-muted-foreground">
                {u.lastLoginAt ? <LocalDateTime iso={u.lastLoginAt} /> : "never"}
              </Td>
              <Td className="flex flex-wrap items-center justify-end gap-2 text-right">
                {u.id === currentUserId ? null : <ResetPasswordButton user={u} />}
                <Button
                  size="sm"
                  variant={u.disabled ? "outline" : "destructive"}
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id: u.id, input: { disabled: !u.disabled } })}
                  aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.name}`}
                >
                  {u.disabled ? "Enable" : "Disable"}
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
