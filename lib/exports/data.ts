import type { PackScreening } from "./collect-screening";
import type { CustodyAction, EvidenceKind, IdentifierType, PersonaLinkRelation, PersonaStatus } from "@/db/schema";
import type { TimelineEntry } from "@/lib/cases/timeline-views";

/*
 * Everything a pack says about its case, read once at the start of the build so every file in
 * the pack (manifest, report, CSVs, STIX) describes the same moment. Times are ISO strings.
 */

export interface PackPerson {
  name: string;
  email: string;
}

export interface PackCase {
  id: string;
  ref: string;
  title: string;
  summary: string;
  status: string;
  severity: string;
  tags: string[];
  lead: PackPerson | null;
  members: (PackPerson & { role: string })[];
  subject: {
    name: string | null;
    role: string | null;
    team: string | null;
    hiringChannel: string | null;
    startDate: string | null;
    accessLevel: string | null;
    location: string | null;
  };
  openedAt: string;
  containedAt: string | null;
  closedAt: string | null;
  closingReason: string | null;
  dueDate: string | null;
}

export interface CustodyRecord {
  at: string;
  action: CustodyAction;
  actor: string;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface PackEvidence {
  id: string;
  exhibitNo: string;
  exhibitNumber: number;
  title: string;
  kind: EvidenceKind;
  description: string;
  sha256: string;
  size: number;
  mimeType: string;
  claimedMimeType: string | null;
  originalName: string;
  collectedAt: string | null;
  collectedBy: string | null;
  source: string | null;
  privileged: boolean;
  legalHold: boolean;
  holdReason: string | null;
  uploadedBy: string | null;
  createdAt: string;
  custody: CustodyRecord[];
}

/** An item deleted before the export: its exhibit number is a gap the reader should see explained. */
export interface PackWithdrawn {
  exhibitNo: string;
  title: string;
  deletedAt: string | null;
  reason: string | null;
}

export interface PackPersona {
  id: string;
  displayName: string;
  aliases: string[];
  status: PersonaStatus;
  caseRole: string;
  riskScore: number;
  claimedLocation: string | null;
  claimedTimezone: string | null;
  claimedNationality: string | null;
  redFlags: { code: string; note: string | null; recordedAt: string }[];
  createdAt: string;
}

export interface PackIdentifier {
  id: string;
  type: IdentifierType;
  value: string;
  normalizedValue: string;
  chain: string | null;
  attributes: Record<string, string>;
  createdAt: string;
}

export interface PackHolding {
  personaId: string;
  identifierId: string;
  confidence: number;
  /** What the claim's author said about the identifier; the identifier's own attributes are derived facts only. */
  attributes: Record<string, string>;
  sourceExhibit: string | null;
  /** The page of the source's extracted text it was found on. */
  sourcePage: number | null;
  observedAt: string | null;
  createdAt: string;
}

export interface PackLink {
  id: string;
  fromPersonaId: string;
  toPersonaId: string;
  relation: PersonaLinkRelation;
  confidence: number;
  rationale: string;
  evidenceExhibit: string | null;
  createdAt: string;
}

export interface PackTask {
  title: string;
  kind: string;
  status: string;
  owner: string | null;
  dueAt: string | null;
  completedAt: string | null;
  completionNote: string | null;
}

export interface PackReferral {
  destination: string;
  status: string;
  referenceNo: string | null;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  deadlineAt: string | null;
  disclosures: { sentAt: string; what: string; recipient: string; sha256: string | null }[];
}

/** A case note as it reads at export time; earlier versions stay in the app (and the audit log). */
export interface PackNote {
  /** "Name <email>", or null once the author's account is gone. */
  author: string | null;
  createdAt: string;
  /** When it was last edited, if ever. */
  editedAt: string | null;
  edits: number;
  body: string;
}

export interface PackAuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface PackData {
  case: PackCase;
  evidence: PackEvidence[];
  withdrawn: PackWithdrawn[];
  personas: PackPersona[];
  identifiers: PackIdentifier[];
  holdings: PackHolding[];
  links: PackLink[];
  tasks: PackTask[];
  referrals: PackReferral[];
  notes: PackNote[];
  audit: PackAuditEvent[];
  /** The case's events by their own dates, oldest first (as the case page's Timeline tab). */
  timeline: TimelineEntry[];
  screening: PackScreening;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
