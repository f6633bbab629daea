import { beforeAll, describe, expect, it } from "vitest";
import { uniqueWord } from "@/lib/testing/cases";
import { disableUser } from "@/lib/testing/factories";
import { call, fieldErrors, type Json, type Who, who } from "@/lib/testing/routes";
import * as directoryRoute from "./route";

// GET /api/directory: active colleagues by name or email, for picking a lead or a case member.
// Every signed-in role may look (a manager assigns leads, legal adds colleagues), so no 403 here.

let surname: string;
let investigator: Who;
let analyst: Who;
let leaver: Who;

beforeAll(async () => {
  surname = uniqueWord("dir");
  [investigator, analyst, leaver] = await Promise.all([
    who("investigator", `Ada ${surname}`),
    who("legal", `Bo ${surname}`),
    who("investigator", `Cy ${surname}`),
  ]);
  await disableUser(leaver.actor.id);
});

const search = (caller: Who | null, query: string) => call(directoryRoute.GET, "GET", `/api/directory${query}`, caller);
const names = (body: Json) => (body.items as { name: string }[]).map((u) => u.name);

describe("GET /api/directory", () => {
  it("finds active colleagues by name, sorted, with id, email, name and role only; never a disabled one", async () => {
    const res = await search(analyst, `?q=${surname}`);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual([`Ada ${surname}`, `Bo ${surname}`]);
    expect((res.body.items as unknown[])[0]).toEqual({
      id: investigator.actor.id,
      email: investigator.actor.email,
      name: `Ada ${surname}`,
      role: "investigator",
    });
  });

  it("finds by email and narrows by role; every role may search", async () => {
    const manager = await who("manager");
    const byEmail = await search(manager, `?q=${encodeURIComponent(investigator.actor.email.toUpperCase())}`);
    expect(names(byEmail.body)).toEqual([`Ada ${surname}`]);
    const legalOnly = await search(investigator, `?q=${surname}&role=legal`);
    expect(names(legalOnly.body)).toEqual([`Bo ${surname}`]);
  });

  it("treats LIKE wildcards in the search as plain text", async () => {
    expect((await search(analyst, `?q=${encodeURIComponent("%_")}`)).body.items).toEqual([]);
  });

  it("answers 400 naming the field: an unknown role, an over-long search, an unknown parameter", async () => {
    for (const [query, detail] of [
      ["?role=boss", { path: "role", message: expect.stringContaining("investigator") }],
      [`?q=${"a".repeat(101)}`, { path: "q" }],
      ["?name=Ada", { message: expect.stringContaining('"name"') }],
    ] as const) {
      const res = await search(analyst, query);
      expect([query, res.status, res.body.error?.code]).toEqual([query, 400, "bad_request"]);
      expect(fieldErrors(res.body)).toEqual([expect.objectContaining(detail)]);
    }
  });

  it("answers 401 without credentials", async () => {
    const res = await search(null, `?q=${surname}`);
    expect([res.status, res.body.error?.code]).toEqual([401, "unauthorized"]);
  });
});
