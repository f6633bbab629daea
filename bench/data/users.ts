import type { UserRole } from "@/db/schema";
import type { Cell } from "./copy";
import type { Random } from "./random";
import { firstNames, lastNames } from "./vocab";

export interface UsersModel {
  ids: string[];
  roles: UserRole[];
  labels: string[];
  /** Indexes by role; the first of each is the named bench account. */
  byRole: Record<UserRole, number[]>;
}

export const USER_COLUMNS = ["id", "email", "name", "role", "password_hash", "disabled", "created_at", "updated_at"] as const;

/** The accounts the benchmark signs in as: the first user of each role. */
export const benchEmails: Record<UserRole, string> = {
  admin: "bench-admin@casework.test",
  manager: "bench-manager@casework.test",
  investigator: "bench-investigator@casework.test",
  legal: "bench-legal@casework.test",
};

function roleFor(i: number, total: number): UserRole {
  // A few admins and managers, legal around one in eight, investigators the rest.
  const admins = Math.max(2, Math.round(total * 0.02));
  const managers = Math.max(3, Math.round(total * 0.05));
  const legal = Math.max(4, Math.round(total * 0.12));
  if (i < admins) return "admin";
  if (i < admins + managers) return "manager";
  if (i < admins + managers + legal) return "legal";
  return "investigator";
}

/** Builds the users and yields their COPY rows; every bench user shares one password hash. */
export function buildUsers(random: Random, total: number, passwordHash: string, now: number, domain = "casework.test"): { model: UsersModel; rows: Cell[][] } {
  const model: UsersModel = { ids: [], roles: [], labels: [], byRole: { admin: [], manager: [], investigator: [], legal: [] } };
  const rows: Cell[][] = [];
  for (let i = 0; i < total; i++) {
    const role = roleFor(i, total);
    const first = model.byRole[role].length === 0;
    const name = first ? `Bench ${role[0]?.toUpperCase()}${role.slice(1)}` : `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    const local = first ? (benchEmails[role].split("@")[0] ?? role) : `${role}-${String(model.byRole[role].length).padStart(3, "0")}`;
    const email = `${local}@${domain}`;
    const id = random.uuid();
    model.ids.push(id);
    model.roles.push(role);
    model.labels.push(`${name} <${email}>`);
    model.byRole[role].push(i);
    const created = new Date(now - random.int(400, 1100) * 86_400_000);
    // A few people have left: disabled accounts keep their history but cannot sign in.
    const disabled = !first && random.chance(0.02);
    rows.push([id, email, name, role, passwordHash, disabled, created, created]);
  }
  return { model, rows };
}
