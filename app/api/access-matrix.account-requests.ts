import { db } from "@/db";
import { notifications, webhookDeliveries, webhooks } from "@/db/schema";
import { uniqueWord } from "@/lib/testing/cases";
import { TEST_PASSWORD, uniqueEmail } from "@/lib/testing/factories";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { createToken } from "@/lib/tokens/tokens";
import type { World } from "./access-matrix.fixtures";
import { json, noBody, type RequestSpec } from "./access-matrix.spec";

/*
 * How the access matrix calls the operations of accounts and of the organisation (health, users,
 * tokens, notifications, webhooks, saved views); the case-scoped ones are in
 * access-matrix.requests.ts.
 */

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

export const accountRequests: Record<string, RequestSpec> = {
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
};
