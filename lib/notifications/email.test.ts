import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ready } from "@/db";
import { addMember } from "@/lib/cases/add-member";
import { createTask } from "@/lib/remediation/create-task";
import { env } from "@/lib/env";
import { queueScheduledJobs, schedules } from "@/lib/jobs/schedule";
import { drainJobs } from "@/lib/jobs/worker";
import { makeCase } from "@/lib/testing/cases";
import { type Who, who } from "@/lib/testing/routes";
import { putPreferences } from "./preferences";

interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

// A real SMTP server in this process, on a free port: what nodemailer sends arrives here.
const inbox: Mail[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        inbox.push({
          from: parsed.from?.text ?? "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
        });
        callback();
      })
      .catch(callback);
  },
});
const mutableEnv = env as { SMTP_URL?: string; MAIL_FROM: string; AUTH_URL?: string };
let lead: Who;
let member: Who;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  mutableEnv.SMTP_URL = `smtp://127.0.0.1:${port}`;
  mutableEnv.MAIL_FROM = "Casework <casework@example.test>";
  mutableEnv.AUTH_URL = "https://casework.example.test";
  await ready();
  [lead, member] = await Promise.all([who("investigator", "Mail Lead"), who("investigator", "Mail Member")]);
});

afterAll(async () => {
  mutableEnv.SMTP_URL = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("notification e-mail", () => {
  it("sends each notification at once to the person, with a link into the app", async () => {
    const kase = await makeCase(lead.actor);
    inbox.length = 0;
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: member.actor.id } });
    expect(await drainJobs(["notification.email"])).toBe(1);
    expect(inbox).toEqual([
      {
        from: '"Casework" <casework@example.test>',
        to: [member.actor.email],
        subject: expect.stringContaining(`You were added to ${kase.ref}`),
        text: expect.stringContaining(`https://casework.example.test/cases/${kase.id}`),
      },
    ]);
    // Already sent: running the jobs again sends nothing.
    expect(await drainJobs(["notification.email"])).toBe(0);
    expect(inbox).toHaveLength(1);
  });

  it("gathers notifications into one daily digest for those who chose it, sent once", async () => {
    await putPreferences({
      actor: member.actor,
      input: { items: [{ event: "task.assigned", inApp: true, email: "daily" }] },
    });
    const kase = await makeCase(lead.actor);
    await addMember({ actor: lead.actor, caseId: kase.id, input: { userId: member.actor.id } });
    await drainJobs(["notification.email"]);
    inbox.length = 0;
    for (const title of ["Rotate keys", "Recover laptop"])
      await createTask({
        actor: lead.actor,
        caseId: kase.id,
        input: { kind: "other", title, ownerId: member.actor.id },
      });
    expect(await drainJobs(["notification.email"])).toBe(0);
    expect(inbox).toHaveLength(0);

    const digest = schedules.filter((s) => s.kind === "notification.digest");
    await Promise.all([queueScheduledJobs(new Date(), digest), queueScheduledJobs(new Date(), digest)]);
    expect(await drainJobs(["notification.digest"])).toBe(1);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ to: [member.actor.email], subject: "Casework: 2 notifications today" });
    expect(inbox[0]!.text).toContain("Rotate keys");
    expect(inbox[0]!.text).toContain("Recover laptop");
    await queueScheduledJobs(new Date(), digest);
    expect(await drainJobs(["notification.digest"])).toBe(0);
  });
});
