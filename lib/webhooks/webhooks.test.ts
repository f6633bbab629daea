import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { jobs, webhookDeliveries } from "@/db/schema";
import * as webhooksRoute from "@/app/api/webhooks/route";
import * as webhookRoute from "@/app/api/webhooks/[id]/route";
import * as deliveriesRoute from "@/app/api/webhooks/[id]/deliveries/route";
import * as resendRoute from "@/app/api/webhooks/[id]/deliveries/[deliveryId]/resend/route";
import { addMember } from "@/lib/cases/add-member";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/worker";
import { makeCase } from "@/lib/testing/cases";
import { call, type Who, who } from "@/lib/testing/routes";
import { isPrivateAddress } from "./address-check";
import { verifySignature } from "./sign";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on a local port that records what arrives and answers `status`. */
async function receiver(port = 0) {
  const received: Received[] = [];
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(state.status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    received,
    state,
    url: `http://127.0.0.1:${address.port}/hook`,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mutableEnv = env as { WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean };
let admin: Who;
let lead: Who;
let member: Who;
const created: string[] = [];

beforeAll(async () => {
  await ready();
  [admin, lead, member] = await Promise.all([who("admin"), who("investigator"), who("investigator")]);
});

afterEach(async () => {
  mutableEnv.WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;
  for (const id of created.splice(0))
    await call(webhookRoute.DELETE, "DELETE", `/api/webhooks/${id}`, admin, undefined, { id });
});

async function register(url: string, events: string[] = ["case.member_added"]) {
  const res = await call(webhooksRoute.POST, "POST", "/api/webhooks", admin, {
    url,
    events,
    description: "test receiver",
  });
  if (res.status === 201) created.push(res.body.id as string);
  return res;
}

/** Something happens that the webhook hears of: a member is added to a new case. */
async function memberAdded() {
  const kase = await makeCase(lead.actor);
  await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: member.actor.id } });
  return kase;
}

const deliver = () => drainJobs(["webhook.deliver"]);

describe("webhooks", () => {
  it("are for admins, show the secret once, and refuse an endpoint on a private network", async () => {
    const nope = await call(webhooksRoute.POST, "POST", "/api/webhooks", lead, {
      url: "https://example.org/x",
      events: ["*"],
    });
    expect(nope.status).toBe(403);
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://localhost:9/x",
      "http://10.1.2.3/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest",
    ]) {
      const res = await register(url);
      expect([url, res.status, res.body.error?.message]).toEqual([
        url,
        400,
        expect.stringMatching(/private|loopback|link-local/),
      ]);
    }
    expect((await register("ftp://example.org/x")).status).toBe(400);
    expect((await register("https://example.org/x", ["case.nope"])).status).toBe(400);
    expect(isPrivateAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isPrivateAddress("93.184.215.14")).toBe(false);

    mutableEnv.WEBHOOK_ALLOW_PRIVATE_NETWORKS = true;
    const ok = await register("http://127.0.0.1:9/x", ["task.assigned", "*"]);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ events: ["*"], secret: expect.stringMatching(/^whsec_.{43}$/) });
    const list = await call(webhooksRoute.GET, "GET", "/api/webhooks", admin);
    const shown = (list.body.items as Record<string, unknown>[]).find((w) => w.id === ok.body.id);
    expect(shown).toMatchObject({ url: "http://127.0.0.1:9/x", description: "test receiver" });
    expect(shown).not.toHaveProperty("secret");
  });

  it("delivers a signed JSON POST with the event, a unique delivery id and ids only", async () => {
    mutableEnv.WEBHOOK_ALLOW_PRIVATE_NETWORKS = true;
    const rx = await receiver();
    try {
      const hook = await register(rx.url);
      const kase = await memberAdded();
      await deliver();
      expect(rx.received).toHaveLength(1);
      const [got] = rx.received;
      expect(got!.headers["x-casework-event"]).toBe("case.member_added");
      expect(got!.headers["content-type"]).toBe("application/json");
      expect(
        verifySignature(hook.body.secret as string, got!.body, got!.headers["x-casework-signature"] as string),
      ).toBe(true);
      expect(verifySignature("whsec_wrong", got!.body, got!.headers["x-casework-signature"] as string)).toBe(false);
      const payload = JSON.parse(got!.body);
      expect(payload).toEqual({
        event: "case.member_added",
        occurredAt: expect.any(String),
        data: { caseId: kase.id, actorId: lead.actor.id, userId: member.actor.id, role: "investigator" },
      });
      // Ids only: nothing of the case's title or people's names.
      expect(got!.body).not.toContain(kase.title);

      const log = await call(deliveriesRoute.GET, "GET", `/api/webhooks/${hook.body.id}/deliveries`, admin, undefined, {
        id: hook.body.id as string,
      });
      expect(log.body.items).toEqual([
        expect.objectContaining({
          id: got!.headers["x-casework-delivery"],
          status: "delivered",
          attempts: 1,
          responseCode: 200,
        }),
      ]);
      // Re-send: the same payload as a new delivery with its own id.
      const again = await call(resendRoute.POST, "POST", "/x", admin, undefined, {
        id: hook.body.id as string,
        deliveryId: got!.headers["x-casework-delivery"] as string,
      });
      expect(again.status).toBe(202);
      await deliver();
      expect(rx.received).toHaveLength(2);
      expect(rx.received[1]!.body).toBe(got!.body);
      expect(rx.received[1]!.headers["x-casework-delivery"]).toBe(again.body.id);
      expect(again.body.id).not.toBe(got!.headers["x-casework-delivery"]);
      const other = await call(deliveriesRoute.GET, "GET", "/x", lead, undefined, { id: hook.body.id as string });
      expect(other.status).toBe(403);
    } finally {
      await rx.close();
    }
  });

  it("tries an endpoint that is down again later, and it receives the event once it is up", async () => {
    mutableEnv.WEBHOOK_ALLOW_PRIVATE_NETWORKS = true;
    const probe = await receiver();
    const { port } = probe;
    await probe.close();
    const hook = await register(`http://127.0.0.1:${port}/hook`);
    await memberAdded();
    await deliver();
    const [pending] = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, hook.body.id as string));
    expect(pending).toMatchObject({ status: "pending", attempts: 1, responseCode: null });
    expect(pending!.error).toMatch(/ECONNREFUSED|connect/);
    expect(pending!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

    const rx = await receiver(port);
    try {
      rx.state.status = 503;
      await db
        .update(jobs)
        .set({ runAfter: new Date() })
        .where(sql`${jobs.kind} = 'webhook.deliver' and ${jobs.status} = 'queued'`);
      await deliver();
      expect(rx.received).toHaveLength(1);
      const [still] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, pending!.id));
      expect(still).toMatchObject({ status: "pending", attempts: 2, responseCode: 503 });

      rx.state.status = 204;
      await db
        .update(jobs)
        .set({ runAfter: new Date() })
        .where(sql`${jobs.kind} = 'webhook.deliver' and ${jobs.status} = 'queued'`);
      await deliver();
      await deliver();
      const ok = rx.received.filter((r) => r.headers["x-casework-delivery"] === pending!.id);
      expect(ok).toHaveLength(2); // the 503 and the one that went through; nothing after it
      const [done] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, pending!.id));
      expect(done).toMatchObject({ status: "delivered", attempts: 3, responseCode: 204, nextAttemptAt: null });
    } finally {
      await rx.close();
    }
  });

  it("refuses again at delivery time an address that became private", async () => {
    mutableEnv.WEBHOOK_ALLOW_PRIVATE_NETWORKS = true;
    const rx = await receiver();
    try {
      const hook = await register(rx.url);
      mutableEnv.WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;
      await memberAdded();
      await deliver();
      expect(rx.received).toHaveLength(0);
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, hook.body.id as string));
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row!.error).toMatch(/private/);
    } finally {
      await rx.close();
    }
  });
});
