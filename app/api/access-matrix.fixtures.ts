import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getCase } from "@/lib/cases/get-case";
import { addMember } from "@/lib/cases/add-member";
import { createNote } from "@/lib/cases/create-note";
import { requestAccess } from "@/lib/cases/request-access";
import { createExport } from "@/lib/exports/create-export";
import { startImport } from "@/lib/imports/start-import";
import { buildsIdle } from "@/lib/exports/build-job";
import { createLink } from "@/lib/personas/create-link";
import { createDisclosure } from "@/lib/referrals/create-disclosure";
import { createReferral } from "@/lib/referrals/create-referral";
import { createTask } from "@/lib/remediation/create-task";
import { makeCase, uniqueWord, walkCase } from "@/lib/testing/cases";
import { addEvidence } from "@/lib/testing/exports";
import { uniqueEmail } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { type Who, who } from "@/lib/testing/routes";
import { createToken } from "@/lib/tokens/tokens";
import { importSdn, sdnEntry } from "@/lib/testing/sanctions";

/*
 * The callers and the shared records of the access matrix (app/api/access-matrix.test.ts), and
 * the records an operation uses up, made fresh per call. How each operation is called is in
 * access-matrix.requests.ts.
 */

/**
 * Who calls, in the order they call: those who must not see the owner's case first, the lead last
 * of those who call on it (so a shared record a success changes has served everyone before).
 * Every caller but `legalOnReferred` calls on the owner's open case; `legalOnReferred` is the legal
 * non-member calling on a second case of the lead's that has been referred, which legal may see.
 */
export const callers = [
  "anonymous",
  "nonMember",
  "legalNonMember",
  "manager",
  "observer",
  "legalMember",
  "investigatorMember",
  "admin",
  "lead",
  "legalOnReferred",
] as const;
export type Caller = (typeof callers)[number];
export type User = Exclude<Caller, "anonymous" | "legalOnReferred">;

export interface World {
  who: Record<User, Who>;
  lead: Actor;
  referred: boolean;
  caseId: string;
  personaId: string;
  otherPersonaId: string;
  identifierId: string;
  identifierValue: string;
  noteId: string;
  evidenceId: string;
  taskId: string;
  referralId: string;
  disclosureId: string;
  exportId: string;
  importId: string;
  linkId: string;
  tokenId: string;
  bystanderId: string;
  /**
   * Ids and words of the case's records that the answer to someone who may not see the case must
   * never contain; `evidenceContent` (the bytes of its evidence item) not even reach one who sees the
   * case but may not open its evidence.
   */
  secrets: Record<string, string>;
}

/** The user a caller calls as, and which of the two cases' records it calls on. */
export function seat(caller: Exclude<Caller, "anonymous">, open: World, referred: World): { who: Who; w: World } {
  return caller === "legalOnReferred"
    ? { who: open.who.legalNonMember, w: referred }
    : { who: open.who[caller], w: open };
}

/** A case the lead opens with the member, the observer and the legal member on it, as the shared cases have; referred if `w` is. */
export async function staffedCase(w: Pick<World, "who" | "lead" | "referred">): Promise<string> {
  const kase = await makeCase(w.lead, { title: `Matrix case ${uniqueWord()}` });
  for (const [user, role] of [
    ["investigatorMember", "investigator"],
    ["observer", "observer"],
    ["legalMember", "legal"],
  ] as const) {
    await addMember({ actor: w.lead, caseId: kase.id, input: { userId: w.who[user].actor.id, role } });
  }
  if (w.referred) await walkCase(w.lead, kase.id, ["investigating", "contained", "referred"]);
  return kase.id;
}

/**
 * An investigator who only has to exist (to be added to or removed from a case): written straight
 * to the table with a hash no password matches, because hashing a real one per call slows the matrix.
 */
export async function spareUser(role: "investigator" | "legal" = "investigator"): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email: uniqueEmail("matrix-spare"), name: "Matrix Spare", role, passwordHash: "!" })
    .returning({ id: users.id });
  if (!row) throw new Error("user insert returned nothing");
  return row.id;
}

/** A spare user's pending request for access to the case, decided by one caller each. */
export async function pendingAccessRequest(caseId: string): Promise<string> {
  const userId = await spareUser();
  const actor: Actor = { id: userId, email: "", name: "Matrix Spare", role: "investigator", via: "cli" };
  await requestAccess({ actor, caseId, input: {} });
  const [row] = await db
    .select({ id: caseAccessRequests.id })
    .from(caseAccessRequests)
    .where(and(eq(caseAccessRequests.caseId, caseId), eq(caseAccessRequests.userId, userId)));
  if (!row) throw new Error("access request was not recorded");
  return row.id;
}

export const smallFile = () => ({ name: "matrix.txt", bytes: Buffer.from(`access matrix ${randomUUID()}\n`) });
export const personaIn = async (w: World) => (await makePersona(w.lead, { caseId: w.caseId })).id;

/**
 * A persona of the case whose name is on a new list version: a fresh one for each caller (made by
 * the params, read by the body), since a success dismisses it.
 */
export const lastNameHit = new WeakMap<World, { personaId: string; entNum: string }>();
export async function newNameHit(w: World) {
  const entry = sdnEntry();
  await importSdn([entry]);
  const persona = await makePersona(w.lead, { caseId: w.caseId, displayName: entry.personaName });
  const hit = { personaId: persona.id, entNum: entry.entNum };
  lastNameHit.set(w, hit);
  return hit;
}

export async function makeCallers(): Promise<Record<User, Who>> {
  const [nonMember, legalNonMember, manager, observer, legalMember, investigatorMember, admin, lead] =
    await Promise.all([
      who("investigator", "Matrix Outsider"),
      who("legal", "Matrix Legal Outsider"),
      who("manager", "Matrix Manager"),
      who("investigator", "Matrix Observer"),
      who("legal", "Matrix Legal Member"),
      who("investigator", "Matrix Member"),
      who("admin", "Matrix Admin"),
      who("investigator", "Matrix Lead"),
    ]);
  return { nonMember, legalNonMember, manager, observer, legalMember, investigatorMember, admin, lead };
}

/** One case of the lead's with one of everything (referral and disclosure by an admin: only legal and admins file them). */
export async function buildWorld(callersWho: Record<User, Who>, referred: boolean): Promise<World> {
  const { admin, lead } = callersWho;
  const base = { who: callersWho, lead: lead.actor, referred };
  const caseId = await staffedCase(base);
  const kase = await getCase({ actor: lead.actor, caseId });
  const persona = await makePersona(lead.actor, { caseId, displayName: `Matrix persona ${uniqueWord()}` });
  const other = await makePersona(lead.actor, { caseId });
  const claimWord = uniqueWord("claim");
  const identifierValue = uniqueValue.email();
  const identifier = await giveIdentifier(lead.actor, persona.id, {
    type: "email",
    value: identifierValue,
    attributes: { holder: claimWord },
  });
  const noteWord = uniqueWord("note");
  const note = await createNote({ actor: lead.actor, caseId, input: { body: `Matrix note ${noteWord}` } });
  const file = smallFile();
  const item = await addEvidence(lead.actor, caseId, file);
  const task = await createTask({
    actor: lead.actor,
    caseId,
    input: { kind: "other", title: "Matrix task", ownerId: lead.actor.id },
  });
  const referral = await createReferral({ actor: admin.actor, caseId, input: { destination: "fbi_ic3" } });
  const disclosure = await createDisclosure({
    actor: admin.actor,
    referralId: referral.id,
    input: { what: "Matrix pack", recipient: "FBI IC3", sentAt: new Date().toISOString() },
  });
  const link = await createLink({
    actor: lead.actor,
    input: { fromPersonaId: persona.id, toPersonaId: other.id, relation: "associated" },
  });
  const token = await createToken({ actor: lead.actor, input: { name: "matrix fixture" } });
  const bystanderId = await spareUser();
  const { id: exportId } = await createExport({
    actor: lead.actor,
    caseId,
    options: { includeReport: false, includeStix: false, includeGraph: false },
  });
  const { id: importId } = await startImport({
    actor: lead.actor,
    received: matrixImport({ caseId, dryRun: "true" }),
  });
  await buildsIdle();
  return {
    ...base,
    caseId,
    personaId: persona.id,
    otherPersonaId: other.id,
    identifierId: identifier.id,
    identifierValue,
    noteId: note.id,
    evidenceId: item.id,
    taskId: task.id,
    referralId: referral.id,
    disclosureId: disclosure.id,
    exportId,
    importId,
    linkId: link.id,
    tokenId: token.id,
    bystanderId,
    secrets: {
      caseId,
      caseRef: kase.ref,
      caseTitle: kase.title,
      personaId: persona.id,
      personaName: persona.displayName,
      otherPersonaId: other.id,
      claimWord,
      noteId: note.id,
      noteWord,
      evidenceId: item.id,
      evidenceContent: file.bytes.toString("utf8").trim(),
      taskId: task.id,
      referralId: referral.id,
      disclosureId: disclosure.id,
      exportId,
      linkId: link.id,
    },
  };
}

/** A one-row applicant export, as POST /api/imports receives it. */
export function matrixImport(fields: Record<string, string>) {
  return {
    fields: {
      mapping: JSON.stringify({ source: "matrix", key: "id", columns: { name: "displayName", email: "email" } }),
      ...fields,
    },
    fileName: "applicants.csv",
    claimedType: "text/csv",
    bytes: new TextEncoder().encode(`id,name,email\n${uniqueWord()},Matrix Applicant,${uniqueValue.email()}\n`),
  };
}
