import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { makeCase } from "@/lib/testing/cases";
import { exportAndWait } from "@/lib/testing/exports";
import { makeActor } from "@/lib/testing/factories";

vi.hoisted(() => {
  delete process.env.TSA_URL;
});

let lead: Actor;
let admin: Actor;
beforeAll(async () => {
  lead = await makeActor("investigator");
  admin = await makeActor("admin");
});

describe("export.ready", () => {
  it("reaches the in-app inbox of the person who asked for the export when the pack is finished", async () => {
    const c = await makeCase(lead);
    const before = await listNotifications({ actor: lead });
    const pack = await exportAndWait(lead, c.id);
    expect(pack.status).toBe("done");

    const inbox = await listNotifications({ actor: lead });
    const ready = inbox.items.filter((n) => n.event === "export.ready");
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({
      title: `Evidence pack ready for ${c.ref} ${c.title}`,
      url: "/exports",
      readAt: null,
    });
    expect(inbox.unread).toBe(before.unread + 1);
  });

  it("tells no one else, not even an admin who sees every case", async () => {
    const c = await makeCase(lead);
    const before = (await listNotifications({ actor: admin })).items.filter((n) => n.event === "export.ready");
    await exportAndWait(lead, c.id);
    const after = (await listNotifications({ actor: admin })).items.filter((n) => n.event === "export.ready");
    expect(after).toHaveLength(before.length);
  });
});
