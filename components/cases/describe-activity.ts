import type { CaseStatus } from "@/lib/cases/constants";
import { caseTemplates } from "@/lib/cases/templates";
import type { ActivityView } from "@/lib/cases/views";
import { remediationTemplates } from "@/lib/remediation/templates";
import { formatCount } from "@/lib/format";
import { statusLabels } from "./labels";

/** One readable line per audit event. */
export function describeActivity(event: ActivityView): string {
  const d = event.detail as Record<string, unknown>;
  const status = (s: unknown) => statusLabels[s as CaseStatus] ?? String(s);
  switch (event.action) {
    case "case.create":
      return `opened the case${d.template ? ` from the template “${caseTemplates[String(d.template)]?.name ?? String(d.template)}”` : ""}`;
    case "case.update":
      return `edited ${Object.keys((d.changes as object | undefined) ?? {}).join(", ") || "the case"}`;
    case "case.transition":
      return `moved the case from ${status(d.from)} to ${status(d.to)}${d.reason ? `: ${String(d.reason)}` : ""}`;
    case "case.reopen":
      return `reopened the case (${status(d.from)} to ${status(d.to)}): ${String(d.reason ?? "")}`;
    case "case.member_add":
      return `added ${String(d.email ?? "a member")} as ${String(d.role ?? "member")}`;
    case "case.member_remove":
      return "removed a member";
    case "case.legal_review_request": {
      const asked = Array.isArray(d.userIds) ? d.userIds.length : 0;
      return d.to === "team"
        ? `requested legal review from the legal team (${formatCount(asked, "lawyer")})`
        : "requested legal review from a lawyer";
    }
    case "case.access_request":
      return "asked for access to the case";
    case "case.access_grant":
      return `granted a request for access (as ${String(d.role ?? "member")})`;
    case "case.access_refuse":
      return "refused a request for access";
    case "seed.create":
      return "created this demo case";
    case "task.create":
      return `added the task "${String(d.title ?? "")}"`;
    case "task.update": {
      const to = (d.changes as { status?: { to?: unknown } } | undefined)?.status?.to;
      return to
        ? `set the task "${String(d.title ?? "")}" to ${String(to).replace("_", " ")}`
        : `edited the task "${String(d.title ?? "")}"`;
    }
    case "task.delete":
      return `deleted the task "${String(d.title ?? "")}"`;
    case "task.apply_template":
      return `applied the task list “${remediationTemplates[String(d.template) as keyof typeof remediationTemplates]?.name ?? String(d.template ?? "")}” (${formatCount(Number(d.added ?? 0), "task")} added)`;
    case "referral.create":
      return "created a referral";
    case "referral.transition":
      return `moved a referral from ${String(d.from)} to ${String(d.to)}${d.referenceNo ? ` (reference ${String(d.referenceNo)})` : ""}`;
    case "referral.update":
      return "edited a referral";
    case "disclosure.create":
      return "logged a disclosure to an authority";
    case "evidence.upload":
      return `attached exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.view":
      return `viewed exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.download":
      return `downloaded exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.verify":
      return `verified the hash of exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.verification_failed":
      return `found that exhibit ${String(d.exhibitNo ?? "")} no longer matches its hash`;
    case "evidence.hold_place":
      return `placed a legal hold on exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.hold_release":
      return `released the legal hold on exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.delete":
      return `deleted exhibit ${String(d.exhibitNo ?? "")}`;
    case "evidence.keep_duplicate":
      return `kept exhibit ${String(d.exhibitNo ?? "")} although it is identical to ${String(d.duplicateOf ?? "")}`;
    case "note.create":
      return "added a note";
    case "note.update":
      return "edited a note";
    default:
      return event.action.replace(/[._]/g, " ");
  }
}
