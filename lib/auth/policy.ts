import type { CaseMemberRole, CaseStatus, UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * The one place that answers "may this actor do X to this record". Lib functions call it after
 * loading the record; list queries use the matching SQL where-builders (e.g. caseVisibleTo).
 */
export const actions = [
  "user:manage",
  "token:manage_any",
  "token:manage_own",
  "audit:verify",
  "case:create",
  "case:list",
  "case:read",
  "case:update",
  "case:transition",
  "case:manage_members",
  "case:request_legal_review",
  "case:request_access",
  "case:decide_access",
  "note:create",
  "note:edit",
  "evidence:upload",
  "evidence:read_metadata",
  "evidence:read_content",
  "evidence:hold",
  "evidence:delete",
  "persona:read",
  "persona:write",
  "persona:import",
  "persona:import_directory",
  "screen:run",
  "sanctions:read",
  "sanctions:import",
  "task:read",
  "task:manage",
  "referral:read",
  "referral:manage",
  "referral:work",
  "export:create",
  "export:read",
  "export:share",
  "dashboard:read",
  "webhook:manage",
] as const;
export type Action = (typeof actions)[number];

/** What the policy needs to know about a case, from the actor's point of view. */
export interface CaseAccess {
  status: CaseStatus;
  leadId: string | null;
  /** The actor's own role in the case, or null when they are not a member. */
  memberRole: CaseMemberRole | null;
}

export interface Target {
  case?: CaseAccess;
  /** Author of a note, for author-only edits. */
  authorId?: string | null;
}

type Rule = (actor: Actor, target: Target) => boolean;

const role =
  (...roles: UserRole[]): Rule =>
  (actor) =>
    roles.includes(actor.role);

const isLead = (actor: Actor, c: CaseAccess) => c.leadId === actor.id;
const isWorkingMember = (actor: Actor, c: CaseAccess) =>
  isLead(actor, c) || (c.memberRole !== null && c.memberRole !== "observer");

/** Admins and managers see every case; investigators their own; legal their own and every referred one. */
export function seesCase(actor: Actor, c: CaseAccess): boolean {
  switch (actor.role) {
    case "admin":
    case "manager":
      return true;
    case "investigator":
      return isLead(actor, c) || c.memberRole !== null;
    case "legal":
      return c.memberRole !== null || c.status === "referred";
  }
}

/** A case-scoped rule: the actor must see the case, then pass `rule`. Without a case it is false. */
const onCase =
  (rule: (actor: Actor, c: CaseAccess, target: Target) => boolean): Rule =>
  (actor, target) =>
    target.case !== undefined && seesCase(actor, target.case) && rule(actor, target.case, target);

const caseWorker = (actor: Actor, c: CaseAccess) =>
  actor.role === "admin" || (actor.role === "investigator" && isWorkingMember(actor, c));

const rules: Record<Action, Rule> = {
  "user:manage": role("admin"),
  "token:manage_any": role("admin"),
  "token:manage_own": role("admin", "manager", "investigator", "legal"),
  "audit:verify": role("admin"),
  "case:create": role("admin", "investigator"),
  "case:list": role("admin", "manager", "investigator", "legal"),
  "case:read": onCase(() => true),
  "case:update": onCase(caseWorker),
  "case:transition": onCase(
    (actor, c) => caseWorker(actor, c) || (actor.role === "legal" && isWorkingMember(actor, c)),
  ),
  "case:manage_members": onCase(
    (actor, c) => actor.role === "admin" || (actor.role === "investigator" && isLead(actor, c)),
  ),
  // Asking legal in adds members, so it is for those who manage the members.
  "case:request_legal_review": onCase(
    (actor, c) => actor.role === "admin" || (actor.role === "investigator" && isLead(actor, c)),
  ),
  // Anyone signed in may ask; whether the case exists or they already see it never shows in the answer.
  "case:request_access": role("admin", "manager", "investigator", "legal"),
  "case:decide_access": onCase(
    (actor, c) => actor.role === "admin" || (actor.role === "investigator" && isLead(actor, c)),
  ),
  "note:create": onCase((actor, c) => actor.role !== "manager" && c.memberRole !== "observer"),
  "note:edit": onCase((actor, _c, t) => t.authorId === actor.id && actor.role !== "manager"),
  "evidence:upload": onCase(caseWorker),
  "evidence:read_metadata": onCase(() => true),
  // Managers oversee cases but never open the evidence itself; legal opens it only as a member.
  "evidence:read_content": onCase(
    (actor, c) => actor.role !== "manager" && (actor.role !== "legal" || c.memberRole !== null),
  ),
  "evidence:hold": onCase(
    (actor, c) => actor.role === "admin" || (actor.role === "legal" && isWorkingMember(actor, c)),
  ),
  "evidence:delete": onCase(
    (actor, c) => actor.role === "admin" || (actor.role === "investigator" && isLead(actor, c)),
  ),
  "persona:read": role("admin", "manager", "investigator", "legal"),
  "persona:write": role("admin", "investigator"),
  // A bulk import into a case is for those who work the case; one into the shared directory,
  // which every role that reads personas sees, only for admins.
  "persona:import": onCase(caseWorker),
  "persona:import_directory": role("admin"),
  "screen:run": role("admin", "investigator", "legal"),
  // The lists are public; which versions were imported is for everyone who reads personas.
  "sanctions:read": role("admin", "manager", "investigator", "legal"),
  "sanctions:import": role("admin"),
  "task:read": onCase(() => true),
  "task:manage": onCase(
    (actor, c) =>
      actor.role === "admin" ||
      ((actor.role === "investigator" || actor.role === "legal") && isWorkingMember(actor, c)),
  ),
  "referral:read": onCase(() => true),
  // Observers stay read-only, except that every legal user may manage referrals of a referred case.
  "referral:manage": onCase(
    (actor, c) =>
      actor.role === "admin" || (actor.role === "legal" && (isWorkingMember(actor, c) || c.status === "referred")),
  ),
  // Legal's queue of cases awaiting referral work, and new referrals started from the Referrals page.
  "referral:work": role("admin", "legal"),
  "export:create": onCase(
    (actor, c) =>
      actor.role === "admin" || actor.role === "legal" || (actor.role === "investigator" && isLead(actor, c)),
  ),
  "export:read": onCase(
    (actor, c) =>
      actor.role === "admin" || actor.role === "legal" || (actor.role === "investigator" && isLead(actor, c)),
  ),
  // A link for someone outside is a disclosure: legal decides those, on cases it sees (and admins).
  "export:share": onCase((actor) => actor.role === "admin" || actor.role === "legal"),
  "dashboard:read": role("admin", "manager", "investigator", "legal"),
  // Endpoints receive events from every case, so only admins register them.
  "webhook:manage": role("admin"),
};

export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  return rules[action](actor, target);
}

/**
 * Throws when the actor may not act. A record they cannot even see answers not_found, so its
 * existence does not leak; a record they see but may not change answers forbidden.
 */
export function authorize(actor: Actor, action: Action, target: Target = {}, what = "Record"): void {
  if (can(actor, action, target)) return;
  if (target.case && !seesCase(actor, target.case)) throw AppError.notFound(what);
  throw new AppError("forbidden", `You may not ${action.replace(/[:_]/g, " ")}`);
}

/** Navigation entries and the permission behind each. */
export function navigationFor(actor: Actor): { href: string; label: string }[] {
  const items = [
    { href: "/", label: "Dashboard", show: true },
    { href: "/cases", label: "Cases", show: can(actor, "case:list") },
    // Managers read tasks but never own them.
    { href: "/tasks", label: "My tasks", show: actor.role !== "manager" },
    { href: "/referrals", label: "Referrals", show: true },
    { href: "/referrals/queue", label: "Referral queue", show: can(actor, "referral:work") },
    { href: "/personas", label: "Personas", show: can(actor, "persona:read") },
    // Deciding a possible match writes a link, so the queue is for those who may write personas.
    { href: "/review", label: "Review matches", show: can(actor, "persona:write") },
    { href: "/screen", label: "Screening", show: can(actor, "screen:run") },
    { href: "/exports", label: "Exports", show: actor.role !== "manager" },
    { href: "/admin", label: "Admin", show: can(actor, "user:manage") },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}
