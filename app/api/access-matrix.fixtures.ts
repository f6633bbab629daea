import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseAccessRequests, notifications, users, webhookDeliveries, webhooks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getCase } from "@/lib/cases/get-case";
import { addMember } from "@/lib/cases/add-member";
import { createNote } from "@/lib/cases/create-note";
import { requestAccess } from "@/lib/cases/request-access";
import { placeHold } from "@/lib/evidence/place-hold";
import { createExport } from "@/lib/exports/create-export";
import { startImport } from "@/lib/imports/start-import";
import { buildsIdle } from "@/lib/exports/build-job";
import { createShare } from "@/lib/shares/create-share";
import { createLink } from "@/lib/personas/create-link";
import { getPersona } from "@/lib/personas/get-persona";
import { addRedFlag } from "@/lib/personas/add-red-flag";
import { createDisclosure } from "@/lib/referrals/create-disclosure";
import { createReferral } from "@/lib/referrals/create-referral";
import { createTask } from "@/lib/remediation/create-task";
import { makeCase, uniqueWord, walkCase } from "@/lib/testing/cases";
import { multipart, multipartType } from "@/lib/testing/evidence";
import { addEvidence } from "@/lib/testing/exports";
import { TEST_PASSWORD, uniqueEmail } from "@/lib/testing/factories";
import { giveIdentifier, makePersona, uniqueValue } from "@/lib/testing/personas";
import { type Who, who } from "@/lib/testing/routes";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { createToken } from "@/lib/tokens/tokens";
import { dismissHit } from "@/lib/sanctions/dismiss-hit";
import { importSdn, sdnEntry } from "@/lib/testing/sanctions";

/*
 * The callers and the shared records of the access matrix (app/api/access-matrix.test.ts), and
 * how each operation is called: its path parameters, query and a minimal valid body, so that an
 * answer is about access and never a 400 from a missing field.
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
async function spareUser(role: "investigator" | "legal" = "investigator"): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email: uniqueEmail("matrix-spare"), name: "Matrix Spare", role, passwordHash: "!" })
    .returning({ id: users.id });
  if (!row) throw new Error("user insert returned nothing");
  return row.id;
}

/** A spare user's pending request for access to the case, decided by one caller each. */
async function pendingAccessRequest(caseId: string): Promise<string> {
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

const smallFile = () => ({ name: "matrix.txt", bytes: Buffer.from(`access matrix ${randomUUID()}\n`) });
const personaIn = async (w: World) => (await makePersona(w.lead, { caseId: w.caseId })).id;

/**
 * A persona of the case whose name is on a new list version: a fresh one for each caller (made by
 * the params, read by the body), since a success dismisses it.
 */
const lastNameHit = new WeakMap<World, { personaId: string; entNum: string }>();
async function newNameHit(w: World) {
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
function matrixImport(fields: Record<string, string>) {
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

export type Params = Record<string, string>;
export type Body = { json: unknown } | { raw: BodyInit; type: string };

export interface RequestSpec {
  /** Path parameters for this call; defaults to the shared record the path names (see defaultParams). */
  params?: (w: World) => Params | Promise<Params>;
  query?: (w: World) => string;
  /** A minimal valid body, built per call; `null` says the operation takes none. */
  body: ((w: World) => Body | Promise<Body>) | null;
}

const json = (value: unknown): Body => ({ json: value });
const noBody = { body: null } as const;

/** The shared record behind each `{id}`, by the path's first segment. */
const idOf: Record<string, keyof World> = {
  cases: "caseId",
  evidence: "evidenceId",
  exports: "exportId",
  imports: "importId",
  notes: "noteId",
  "persona-links": "linkId",
  personas: "personaId",
  referrals: "referralId",
  tasks: "taskId",
  tokens: "tokenId",
  users: "bystanderId",
};

/** Path parameters pointing at the shared records; throws for a parameter nobody has given a record. */
export function defaultParams(path: string, w: World): Params {
  const params: Params = {};
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const key =
      name === "id"
        ? idOf[path.split("/")[2] ?? ""]
        : ({ personaId: "personaId", identifierId: "identifierId" } as Record<string, keyof World>)[name!];
    const value = key ? w[key] : undefined;
    if (typeof value !== "string")
      throw new Error(`no fixture for {${name}} in ${path}: give the operation params in access-matrix.fixtures.ts`);
    params[name!] = value;
  }
  return params;
}

async function leadNotification(w: World): Promise<string> {
  const [row] = await db
    .insert(notifications)
    .values({ userId: w.lead.id, event: "note.mention", title: "Matrix", url: "/", caseId: null })
    .returning({ id: notifications.id });
  return row!.id;
}

/** An inactive endpoint with one delivery: re-sending it queues a delivery that is never sent. */
async function matrixWebhook(): Promise<{ webhookId: string; deliveryId: string }> {
  const [hook] = await db
    .insert(webhooks)
    .values({ url: "https://93.184.215.14/matrix", events: ["*"], secret: "whsec_matrix", active: false })
    .returning({ id: webhooks.id });
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({ webhookId: hook!.id, event: "export.ready", payload: { event: "export.ready" }, status: "failed" })
    .returning({ id: webhookDeliveries.id });
  return { webhookId: hook!.id, deliveryId: delivery!.id };
}

/**
 * How each operation is called. Operations that would use up or change a shared record when they
 * succeed (deletes, state moves, a hold) get a fresh record of the same case for every caller.
 */
export const requests: Record<string, RequestSpec> = {
  "GET /api/health": noBody,
  "GET /api/health/live": noBody,
  "GET /api/health/ready": noBody,
  "GET /api/metrics": noBody,
  "GET /api/openapi.json": noBody,
  "GET /api/admin/settings": noBody,
  "PUT /api/admin/settings": { body: () => json({ defaultPhoneRegion: null }) },
  "GET /api/audit/verify": noBody,
  "GET /api/me": noBody,
  "GET /api/users": noBody,
  "POST /api/users": {
    body: () =>
      json({ email: uniqueEmail("matrix"), name: "Matrix New User", role: "investigator", password: TEST_PASSWORD }),
  },
  "PATCH /api/users/{id}": { body: () => json({ name: `Matrix Bystander ${uniqueWord()}` }) },
  // Each caller changes their own password once (their API tokens keep working).
  "POST /api/me/password": {
    body: () => json({ currentPassword: TEST_PASSWORD, newPassword: "matrix passphrase changed" }),
  },
  "POST /api/users/{id}/password-reset": noBody,
  "GET /api/directory": { query: () => "?q=matrix", body: null },
  "GET /api/tokens": noBody,
  "POST /api/tokens": { body: () => json({ name: "matrix token" }) },
  "GET /api/notifications": noBody,
  "POST /api/notifications/read": { body: () => json({}) },
  // A fresh notification of the lead's for every caller: only the lead may mark it read.
  "POST /api/notifications/{id}/read": {
    params: async (w) => ({ id: await leadNotification(w) }),
    body: null,
  },
  "GET /api/notifications/preferences": noBody,
  "PUT /api/notifications/preferences": {
    body: () => json({ items: [{ event: "export.ready", inApp: true, email: "daily" }] }),
  },
  "GET /api/webhooks": noBody,
  // A public address given as such, so no name needs resolving; it hears of nothing the matrix does.
  "POST /api/webhooks": {
    body: () => json({ url: "https://93.184.215.14/hook", events: ["referral.deadline_missed"] }),
  },
  "DELETE /api/webhooks/{id}": { params: async () => ({ id: (await matrixWebhook()).webhookId }), body: null },
  "GET /api/webhooks/{id}/deliveries": { params: async () => ({ id: (await matrixWebhook()).webhookId }), body: null },
  "POST /api/webhooks/{id}/deliveries/{deliveryId}/resend": {
    params: async () => {
      const { webhookId, deliveryId } = await matrixWebhook();
      return { id: webhookId, deliveryId };
    },
    body: null,
  },
  "GET /api/views": noBody,
  "POST /api/views": {
    body: () => json({ name: `Matrix view ${uniqueWord()}`, query: "status=triage", shared: true }),
  },
  // A fresh private view of the lead's for every caller: only its owner may delete it.
  "DELETE /api/views/{id}": {
    params: async (w) => ({
      id: (await createSavedView({ actor: w.lead, input: { name: `Matrix ${uniqueWord()}`, query: "" } })).id,
    }),
    body: null,
  },
  "DELETE /api/tokens/{id}": {
    params: async (w) => ({ id: (await createToken({ actor: w.lead, input: { name: "matrix fresh" } })).id }),
    body: null,
  },
  "GET /api/cases": { query: (w) => `?q=${encodeURIComponent(w.secrets.caseRef!)}`, body: null },
  "POST /api/cases": { body: () => json({ title: `Matrix new case ${uniqueWord()}` }) },
  "GET /api/cases/{id}": noBody,
  "PATCH /api/cases/{id}": {
    body: async (w) =>
      json({
        version: (await getCase({ actor: w.lead, caseId: w.caseId })).version,
        summary: `edited ${uniqueWord()}`,
      }),
  },
  // Cleared is a legal move from both triage and referred.
  "POST /api/cases/{id}/transition": {
    params: async (w) => ({ id: await staffedCase(w) }),
    body: () => json({ to: "cleared", reason: "Matrix false alarm" }),
  },
  "GET /api/cases/{id}/members": noBody,
  "POST /api/cases/{id}/members": { body: async () => json({ userId: await spareUser(), role: "observer" }) },
  "DELETE /api/cases/{id}/members/{userId}": {
    params: async (w) => {
      const userId = await spareUser();
      await addMember({ actor: w.lead, caseId: w.caseId, input: { userId, role: "observer" } });
      return { id: w.caseId, userId };
    },
    body: null,
  },
  // A case of its own each time: the lawyer joins it.
  "POST /api/cases/{id}/legal-review": {
    params: async (w) => ({ id: await staffedCase(w) }),
    body: async () => json({ userId: await spareUser("legal") }),
  },
  "POST /api/cases/{id}/access-requests": { body: () => json({ message: "Matrix request" }) },
  "GET /api/cases/{id}/access-requests": noBody,
  "PATCH /api/cases/{id}/access-requests/{requestId}": {
    params: async (w) => ({ id: w.caseId, requestId: await pendingAccessRequest(w.caseId) }),
    body: () => json({ decision: "refuse" }),
  },
  "GET /api/cases/{id}/notes": noBody,
  "POST /api/cases/{id}/notes": { body: () => json({ body: "A matrix note" }) },
  "PATCH /api/notes/{id}": { body: () => json({ body: `Matrix note, edited ${uniqueWord()}` }) },
  "GET /api/cases/{id}/activity": noBody,
  "GET /api/cases/{id}/timeline": noBody,
  "GET /api/dashboard/summary": noBody,
  "GET /api/cases/{id}/evidence": noBody,
  "POST /api/cases/{id}/evidence": {
    body: () => ({
      raw: new Uint8Array(multipart([{ name: "file", filename: "matrix.txt", data: smallFile().bytes }])),
      type: multipartType,
    }),
  },
  "POST /api/imports": {
    body: (w) => {
      const { fields, fileName, bytes } = matrixImport({ caseId: w.caseId, dryRun: "true" });
      return {
        raw: new Uint8Array(
          multipart([
            ...Object.entries(fields).map(([name, value]) => ({ name, value })),
            { name: "file", filename: fileName, data: Buffer.from(bytes) },
          ]),
        ),
        type: multipartType,
      };
    },
  },
  "GET /api/imports/{id}": noBody,
  "GET /api/sanctions/lists": noBody,
  "POST /api/sanctions/lists": {
    body: () => ({
      raw: new Uint8Array(
        multipart([
          { name: "source", value: "ofac_sdn_csv" },
          {
            name: "file",
            filename: "sdn.csv",
            data: Buffer.from(`1,"MATRIX ${randomUUID()}",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`),
          },
        ]),
      ),
      type: multipartType,
    }),
  },
  "GET /api/personas/{id}/sanctions": noBody,
  "POST /api/personas/{id}/sanctions/dismissals": {
    params: async (w) => ({ id: (await newNameHit(w)).personaId }),
    body: (w) =>
      json({ source: "ofac_sdn_csv", entNum: lastNameHit.get(w)?.entNum ?? "none", reason: "Matrix: another man" }),
  },
  "DELETE /api/personas/{id}/sanctions/dismissals/{dismissalId}": {
    params: async (w) => {
      const hit = await newNameHit(w);
      const dismissed = await dismissHit({
        actor: w.lead,
        personaId: hit.personaId,
        input: { source: "ofac_sdn_csv", entNum: hit.entNum, reason: "Matrix: another man" },
      });
      return { id: hit.personaId, dismissalId: dismissed.dismissal!.id };
    },
    body: null,
  },
  "GET /api/evidence/{id}": noBody,
  "DELETE /api/evidence/{id}": {
    params: async (w) => ({ id: (await addEvidence(w.lead, w.caseId, smallFile())).id }),
    body: () => json({ reason: "Matrix removal" }),
  },
  "GET /api/evidence/{id}/content": noBody,
  "GET /api/evidence/{id}/custody": noBody,
  "GET /api/evidence/{id}/mentions": noBody,
  "GET /api/evidence/{id}/text": noBody,
  "POST /api/evidence/{id}/verify": noBody,
  "POST /api/evidence/{id}/hold": {
    params: async (w) => ({ id: (await addEvidence(w.lead, w.caseId, smallFile())).id }),
    body: () => json({ reason: "Matrix hold" }),
  },
  "POST /api/evidence/{id}/keep": {
    params: async (w) => {
      const file = smallFile();
      await addEvidence(w.lead, w.caseId, file);
      return { id: (await addEvidence(w.lead, w.caseId, file)).id };
    },
    body: () => json({ reason: "Matrix: a second copy, as received" }),
  },
  "DELETE /api/evidence/{id}/hold": {
    params: async (w) => {
      const item = await addEvidence(w.lead, w.caseId, smallFile());
      await placeHold({ actor: w.who.admin.actor, evidenceId: item.id, input: { reason: "Matrix hold" }, ip: null });
      return { id: item.id };
    },
    body: () => json({ reason: "Matrix release" }),
  },
  "GET /api/cases/{id}/tasks": noBody,
  "POST /api/cases/{id}/tasks": { body: () => json({ kind: "other", title: "Matrix new task" }) },
  "POST /api/cases/{id}/tasks/apply-template": { body: () => json({ template: "fake-remote-worker" }) },
  "GET /api/tasks": { query: (w) => `?owner=${w.lead.id}&status=all`, body: null },
  "PATCH /api/tasks/{id}": { body: () => json({ title: `Matrix task ${uniqueWord()}` }) },
  "DELETE /api/tasks/{id}": {
    params: async (w) => ({
      id: (
        await createTask({ actor: w.lead, caseId: w.caseId, input: { kind: "other", title: "Matrix removable task" } })
      ).id,
    }),
    body: null,
  },
  "GET /api/referrals": { query: (w) => `?caseId=${w.caseId}`, body: null },
  "GET /api/referrals/queue": noBody,
  "GET /api/referrals/referable-cases": { query: (w) => `?q=${encodeURIComponent(w.secrets.caseRef!)}`, body: null },
  "GET /api/cases/{id}/referrals": noBody,
  "POST /api/cases/{id}/referrals": { body: () => json({ destination: "fbi_ic3" }) },
  "GET /api/referrals/{id}": noBody,
  "PATCH /api/referrals/{id}": { body: () => json({ notes: `Matrix notes ${uniqueWord()}` }) },
  "POST /api/referrals/{id}/transition": {
    params: async (w) => ({
      id: (await createReferral({ actor: w.who.admin.actor, caseId: w.caseId, input: { destination: "fbi_ic3" } })).id,
    }),
    body: () => json({ to: "submitted", referenceNo: "IC3-MATRIX" }),
  },
  "GET /api/referrals/{id}/disclosures": noBody,
  "POST /api/referrals/{id}/disclosures": {
    body: () => json({ what: "Matrix letter", recipient: "FBI IC3", sentAt: new Date().toISOString() }),
  },
  "GET /api/personas": { query: (w) => `?q=${encodeURIComponent(w.secrets.personaName!)}`, body: null },
  "POST /api/personas": { body: () => json({ displayName: `Matrix new persona ${uniqueWord()}` }) },
  "GET /api/personas/{id}": noBody,
  "PATCH /api/personas/{id}": {
    body: async (w) =>
      json({
        version: (await getPersona({ actor: w.lead, personaId: w.personaId })).version,
        notes: `edited ${uniqueWord()}`,
      }),
  },
  "POST /api/personas/{id}/identifiers": { body: () => json({ type: "email", value: uniqueValue.email() }) },
  "DELETE /api/personas/{id}/identifiers/{identifierId}": {
    params: async (w) => ({
      id: w.personaId,
      identifierId: (await giveIdentifier(w.lead, w.personaId, { type: "device", value: uniqueValue.device() })).id,
    }),
    body: null,
  },
  "POST /api/personas/{id}/red-flags": {
    params: async (w) => ({ id: await personaIn(w) }),
    body: () => json({ code: "NO_VIDEO" }),
  },
  "DELETE /api/personas/{id}/red-flags/{code}": {
    params: async (w) => {
      const id = await personaIn(w);
      await addRedFlag({ actor: w.lead, personaId: id, input: { code: "NO_VIDEO" } });
      return { id, code: "NO_VIDEO" };
    },
    body: null,
  },
  "GET /api/personas/{id}/links": noBody,
  "GET /api/personas/{id}/candidates": noBody,
  "POST /api/personas/{id}/candidates/{otherId}/decision": {
    params: async (w) => ({ id: w.personaId, otherId: await personaIn(w) }),
    body: () => json({ decision: "reject", rationale: "Matrix: different people" }),
  },
  "GET /api/review/candidates": noBody,
  "POST /api/persona-links": {
    body: async (w) => json({ fromPersonaId: w.personaId, toPersonaId: await personaIn(w) }),
  },
  "PATCH /api/persona-links/{id}": { body: () => json({ confidence: 40 + (randomBytes(1)[0]! % 50) }) },
  "DELETE /api/persona-links/{id}": {
    params: async (w) => ({
      id: (await createLink({ actor: w.lead, input: { fromPersonaId: w.personaId, toPersonaId: await personaIn(w) } }))
        .id,
    }),
    body: null,
  },
  "GET /api/cases/{id}/personas": noBody,
  "POST /api/cases/{id}/personas": {
    body: () => json({ persona: { displayName: `Matrix case persona ${uniqueWord()}` } }),
  },
  "DELETE /api/cases/{id}/personas/{personaId}": {
    params: async (w) => ({ id: w.caseId, personaId: await personaIn(w) }),
    body: null,
  },
  "GET /api/personas/{id}/graph": { query: () => "?depth=1", body: null },
  "GET /api/cases/{id}/graph": noBody,
  "GET /api/networks": { query: (w) => `?personaId=${w.personaId}`, body: null },
  // The owner's own identifier: an outsider may learn that it is known and whom to ask, never the persona or case.
  "GET /api/search": { query: (w) => `?q=${encodeURIComponent(w.secrets.personaName!)}`, body: null },
  "POST /api/screen": { body: (w) => json({ identifiers: [{ type: "email", value: w.identifierValue }] }) },
  "POST /api/cases/{id}/exports": {
    body: () => json({ options: { includeReport: false, includeStix: false, includeGraph: false } }),
  },
  "GET /api/exports": { query: (w) => `?caseId=${w.caseId}`, body: null },
  "GET /api/exports/{id}": noBody,
  "GET /api/exports/{id}/download": noBody,
  "POST /api/exports/{id}/shares": { body: () => json({ recipient: "Matrix Counsel", expiresAt: inDays(7) }) },
  "GET /api/exports/{id}/shares": noBody,
  // A fresh link (made by the admin) for every caller: a success revokes it.
  "DELETE /api/exports/{id}/shares/{shareId}": {
    params: async (w) => ({
      id: w.exportId,
      shareId: (
        await createShare({
          actor: w.who.admin.actor,
          exportId: w.exportId,
          input: { recipient: "Matrix Revoke", expiresAt: inDays(7) },
          origin: "http://localhost",
        })
      ).id,
    }),
    body: null,
  },
};

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
