import { randomBytes, randomUUID } from "node:crypto";
import { getCase } from "@/lib/cases/get-case";
import { addMember } from "@/lib/cases/add-member";
import { placeHold } from "@/lib/evidence/place-hold";
import { createShare } from "@/lib/shares/create-share";
import { createLink } from "@/lib/personas/create-link";
import { getPersona } from "@/lib/personas/get-persona";
import { addRedFlag } from "@/lib/personas/add-red-flag";
import { createReferral } from "@/lib/referrals/create-referral";
import { createTask } from "@/lib/remediation/create-task";
import { uniqueWord } from "@/lib/testing/cases";
import { multipart, multipartType } from "@/lib/testing/evidence";
import { addEvidence } from "@/lib/testing/exports";
import { giveIdentifier, uniqueValue } from "@/lib/testing/personas";
import { dismissHit } from "@/lib/sanctions/dismiss-hit";

import { accountRequests } from "./access-matrix.account-requests";
import {
  lastNameHit,
  matrixImport,
  newNameHit,
  pendingAccessRequest,
  personaIn,
  smallFile,
  spareUser,
  staffedCase,
  type World,
} from "./access-matrix.fixtures";
import { json, noBody, type Params, type RequestSpec } from "./access-matrix.spec";

/*
 * How each operation of the access matrix (app/api/access-matrix.test.ts) is called: its path
 * parameters, query and a minimal valid body, so that an answer is about access and never a 400
 * from a missing field. The callers and the shared records are in access-matrix.fixtures.ts; the
 * operations of accounts and of the organisation in access-matrix.account-requests.ts.
 */

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
      throw new Error(`no fixture for {${name}} in ${path}: give the operation params in access-matrix.requests.ts`);
    params[name!] = value;
  }
  return params;
}

/**
 * How each operation is called. Operations that would use up or change a shared record when they
 * succeed (deletes, state moves, a hold) get a fresh record of the same case for every caller.
 */
export const requests: Record<string, RequestSpec> = {
  ...accountRequests,
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
