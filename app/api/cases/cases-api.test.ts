import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { uniqueWord } from "@/lib/testing/cases";
import { fileReferral } from "@/lib/testing/referrals";
import { call, type Route, type Who, who } from "@/lib/testing/routes";
import * as notePatch from "../notes/[id]/route";
import * as activityRoute from "./[id]/activity/route";
import * as memberRoute from "./[id]/members/[userId]/route";
import * as membersRoute from "./[id]/members/route";
import * as notesRoute from "./[id]/notes/route";
import * as caseRoute from "./[id]/route";
import * as transitionRoute from "./[id]/transition/route";
import * as casesRoute from "./route";

let lead: Who;
let outsider: Who;
let manager: Who;
let admin: Who;
let legal: Who;
let tag: string;

beforeAll(async () => {
  [lead, outsider, manager, admin, legal] = await Promise.all([
    who("investigator", "Lead"),
    who("investigator"),
    who("manager"),
    who("admin"),
    who("legal"),
  ]);
  tag = uniqueWord("api");
});

async function openCase(title = `API case ${uniqueWord()}`) {
  const res = await call(casesRoute.POST, "POST", "/api/cases", lead, { title, tags: [tag] });
  expect(res.status).toBe(201);
  return res.body as { id: string; ref: string; version: number; title: string };
}

async function countTagged(t: string): Promise<number> {
  const res = await call(casesRoute.GET, "GET", `/api/cases?tag=${t}`, admin);
  return res.body.total as number;
}

describe("cases API: visibility", () => {
  it("answers 404 on every case route to an investigator who is not a member", async () => {
    const c = await openCase();
    const note = await call(
      notesRoute.POST,
      "POST",
      `/api/cases/${c.id}/notes`,
      lead,
      { body: "private" },
      { id: c.id },
    );
    const noteId = note.body.id as string;
    const p = { id: c.id };
    const attempts: [Route, string, string, unknown?, Record<string, string>?][] = [
      [caseRoute.GET, "GET", `/api/cases/${c.id}`],
      [caseRoute.PATCH, "PATCH", `/api/cases/${c.id}`, { version: c.version, title: "hijack" }],
      [transitionRoute.POST, "POST", `/api/cases/${c.id}/transition`, { to: "investigating" }],
      [membersRoute.GET, "GET", `/api/cases/${c.id}/members`],
      [membersRoute.POST, "POST", `/api/cases/${c.id}/members`, { userId: outsider.actor.id }],
      [
        memberRoute.DELETE,
        "DELETE",
        `/api/cases/${c.id}/members/${lead.actor.id}`,
        undefined,
        { id: c.id, userId: lead.actor.id },
      ],
      [notesRoute.GET, "GET", `/api/cases/${c.id}/notes`],
      [notesRoute.POST, "POST", `/api/cases/${c.id}/notes`, { body: "sneaky" }],
      [notePatch.PATCH, "PATCH", `/api/notes/${noteId}`, { body: "rewritten" }, { id: noteId }],
      [activityRoute.GET, "GET", `/api/cases/${c.id}/activity`],
    ];
    for (const [route, method, path, body, params] of attempts) {
      const res = await call(route, method, path, outsider, body, params ?? p);
      expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 404, "not_found"]);
    }
    const after = await call(caseRoute.GET, "GET", `/api/cases/${c.id}`, lead, undefined, p);
    expect(after.body).toMatchObject({ title: c.title, version: c.version, status: "triage" });
  });

  it("admins and managers see every case; a manager's PATCH is 403", async () => {
    const c = await openCase();
    for (const caller of [admin, manager]) {
      expect((await call(caseRoute.GET, "GET", `/api/cases/${c.id}`, caller, undefined, { id: c.id })).status).toBe(
        200,
      );
      const list = await call(casesRoute.GET, "GET", `/api/cases?q=${c.ref}`, caller);
      expect((list.body.items as { id: string }[]).map((i) => i.id)).toEqual([c.id]);
    }
    const res = await call(
      caseRoute.PATCH,
      "PATCH",
      `/api/cases/${c.id}`,
      manager,
      { version: c.version, title: "managed" },
      { id: c.id },
    );
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe("forbidden");
  });

  it("legal sees a case when a member or once it is referred", async () => {
    const c = await openCase();
    const get = () => call(caseRoute.GET, "GET", `/api/cases/${c.id}`, legal, undefined, { id: c.id });
    expect((await get()).status).toBe(404);
    for (const to of ["investigating", "contained", "referred"]) {
      if (to === "referred") await fileReferral(c.id);
      expect(
        (await call(transitionRoute.POST, "POST", `/api/cases/${c.id}/transition`, lead, { to }, { id: c.id })).status,
      ).toBe(200);
    }
    expect((await get()).body).toMatchObject({ status: "referred" });
  });

  it("removing a member takes access away at once", async () => {
    const c = await openCase();
    const member = await who("investigator");
    const p = { id: c.id };
    expect(
      (await call(membersRoute.POST, "POST", `/api/cases/${c.id}/members`, lead, { userId: member.actor.id }, p))
        .status,
    ).toBe(201);
    expect((await call(caseRoute.GET, "GET", `/api/cases/${c.id}`, member, undefined, p)).status).toBe(200);
    const removed = await call(
      memberRoute.DELETE,
      "DELETE",
      `/api/cases/${c.id}/members/${member.actor.id}`,
      lead,
      undefined,
      { id: c.id, userId: member.actor.id },
    );
    expect(removed.status).toBe(204);
    expect((await call(caseRoute.GET, "GET", `/api/cases/${c.id}`, member, undefined, p)).status).toBe(404);
  });

  it("refuses requests without a valid token", async () => {
    expect((await call(casesRoute.GET, "GET", "/api/cases", null)).status).toBe(401);
    expect(
      (await call(casesRoute.GET, "GET", "/api/cases", { actor: lead.actor, token: "cw_not-a-real-token" })).status,
    ).toBe(401);
  });
});

describe("cases API: workflow and edits", () => {
  it("answers illegal moves with 409 and the allowed moves; closing without a reason with 400", async () => {
    const c = await openCase();
    const p = { id: c.id };
    const illegal = await call(
      transitionRoute.POST,
      "POST",
      `/api/cases/${c.id}/transition`,
      lead,
      { to: "closed", reason: "x" },
      p,
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toMatchObject({
      code: "conflict",
      details: { from: "triage", allowed: ["investigating", "cleared"] },
    });
    await call(transitionRoute.POST, "POST", `/api/cases/${c.id}/transition`, lead, { to: "investigating" }, p);
    await call(transitionRoute.POST, "POST", `/api/cases/${c.id}/transition`, lead, { to: "contained" }, p);
    const noReason = await call(
      transitionRoute.POST,
      "POST",
      `/api/cases/${c.id}/transition`,
      lead,
      { to: "closed" },
      p,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: "bad_request", details: [{ path: "reason" }] });
    const closed = await call(
      transitionRoute.POST,
      "POST",
      `/api/cases/${c.id}/transition`,
      lead,
      { to: "closed", reason: "Done" },
      p,
    );
    expect(closed.body).toMatchObject({ status: "closed", closingReason: "Done" });
    const back = await call(
      transitionRoute.POST,
      "POST",
      `/api/cases/${c.id}/transition`,
      lead,
      { to: "contained", reason: "x" },
      p,
    );
    expect(back.status).toBe(409);
    expect(back.body.error?.details).toEqual({ from: "closed", allowed: ["investigating"] });
  });

  it("answers a stale PATCH with 409 and the current case", async () => {
    const c = await openCase();
    const p = { id: c.id };
    const first = await call(
      caseRoute.PATCH,
      "PATCH",
      `/api/cases/${c.id}`,
      lead,
      { version: c.version, summary: "first edit" },
      p,
    );
    expect(first.status).toBe(200);
    const stale = await call(
      caseRoute.PATCH,
      "PATCH",
      `/api/cases/${c.id}`,
      lead,
      { version: c.version, summary: "second edit" },
      p,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: "conflict",
      details: { current: { id: c.id, summary: "first edit", version: c.version + 1 } },
    });
  });
});

describe("cases API: bad input", () => {
  it.each([
    ["an empty title", { title: "" }],
    ["an unknown severity", { title: "Bad severity", severity: "urgent" }],
    ["a non-ISO due date", { title: "Bad date", dueDate: "31/12/2026" }],
    ["an unknown field", { title: "Extra field", status: "closed" }],
  ])("POST with %s is 400 and writes nothing", async (_what, input) => {
    const t = uniqueWord("bad");
    const res = await call(casesRoute.POST, "POST", "/api/cases", lead, { ...input, tags: [t] });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "bad_request",
      message: expect.any(String),
      details: [expect.objectContaining({ path: expect.any(String), message: expect.any(String) })],
    });
    expect(await countTagged(t)).toBe(0);
  });

  it("rejects pageSize=10000, a non-uuid id and an unknown PATCH field with 400", async () => {
    const big = await call(casesRoute.GET, "GET", "/api/cases?pageSize=10000", lead);
    expect(big.status).toBe(400);
    expect(big.body.error).toMatchObject({ code: "bad_request", details: [{ path: "pageSize" }] });
    const badId = await call(caseRoute.GET, "GET", "/api/cases/not-a-uuid", lead, undefined, { id: "not-a-uuid" });
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatchObject({ code: "bad_request", details: [{ path: "id" }] });
    const c = await openCase();
    const extra = await call(
      caseRoute.PATCH,
      "PATCH",
      `/api/cases/${c.id}`,
      lead,
      { version: c.version, status: "closed" },
      { id: c.id },
    );
    expect(extra.status).toBe(400);
    const after = await call(caseRoute.GET, "GET", `/api/cases/${c.id}`, lead, undefined, { id: c.id });
    expect(after.body).toMatchObject({ status: "triage", version: c.version });
  });

  it.each(["'); drop table cases; --", "<script>alert(1)</script>"])(
    "searching for %j is 200 with no results",
    async (q) => {
      const res = await call(casesRoute.GET, "GET", `/api/cases?tag=${tag}&q=${encodeURIComponent(q)}`, lead);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
      const [exists] = await queryRows<{ name: string | null }>(db, sql`select to_regclass('cases')::text as name`);
      expect(exists?.name).toBe("cases");
    },
  );
});

describe("cases API: lists, notes and activity", () => {
  it("filters the list by tag and status through the query string", async () => {
    const t = uniqueWord("lst");
    for (const title of ["One", "Two"]) await call(casesRoute.POST, "POST", "/api/cases", lead, { title, tags: [t] });
    const res = await call(casesRoute.GET, "GET", `/api/cases?tag=${t}&status=triage,investigating&sort=title`, lead);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect((res.body.items as { title: string }[]).map((i) => i.title)).toEqual(["One", "Two"]);
  });

  it("lets only the author edit a note (another member gets 403)", async () => {
    const c = await openCase();
    const member = await who("investigator");
    await call(
      membersRoute.POST,
      "POST",
      `/api/cases/${c.id}/members`,
      lead,
      { userId: member.actor.id },
      { id: c.id },
    );
    const note = await call(
      notesRoute.POST,
      "POST",
      `/api/cases/${c.id}/notes`,
      lead,
      { body: "<script>alert(1)</script>" },
      { id: c.id },
    );
    expect(note.status).toBe(201);
    expect(note.body.body).toBe("<script>alert(1)</script>");
    const id = note.body.id as string;
    const denied = await call(notePatch.PATCH, "PATCH", `/api/notes/${id}`, member, { body: "mine now" }, { id });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe("forbidden");
    const edited = await call(notePatch.PATCH, "PATCH", `/api/notes/${id}`, lead, { body: "fixed" }, { id });
    expect(edited.body).toMatchObject({ id, body: "fixed" });
  });

  it("pages the activity newest first", async () => {
    const c = await openCase();
    const p = { id: c.id };
    await call(caseRoute.PATCH, "PATCH", `/api/cases/${c.id}`, lead, { version: c.version, severity: "high" }, p);
    await call(transitionRoute.POST, "POST", `/api/cases/${c.id}/transition`, lead, { to: "investigating" }, p);
    await call(notesRoute.POST, "POST", `/api/cases/${c.id}/notes`, lead, { body: "n" }, p);
    const res = await call(activityRoute.GET, "GET", `/api/cases/${c.id}/activity?pageSize=2`, lead, undefined, p);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, pageSize: 2 });
    expect((res.body.items as { action: string }[]).map((a) => a.action)).toEqual(["note.create", "case.transition"]);
  });
});
