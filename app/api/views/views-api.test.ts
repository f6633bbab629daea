import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { savedViews } from "@/db/schema";
import { uniqueWord } from "@/lib/testing/cases";
import { call, type Caller, fieldErrors, type Who, who } from "@/lib/testing/routes";
import * as viewRoute from "./[id]/route";
import * as viewsRoute from "./route";

let owner: Who;
let colleague: Who;
let lawyer: Who;

beforeAll(async () => {
  [owner, colleague, lawyer] = await Promise.all([
    who("investigator", "View Owner"),
    who("investigator", "View Colleague"),
    who("legal"),
  ]);
});

const save = (caller: Caller | null, body: unknown) => call(viewsRoute.POST, "POST", "/api/views", caller, body);
const list = async (caller: Caller) => {
  const res = await call(viewsRoute.GET, "GET", "/api/views", caller);
  expect(res.status).toBe(200);
  return res.body.items as { id: string; name: string; query: string; shared: boolean; mine: boolean }[];
};
const remove = (caller: Caller | null, id: string) =>
  call(viewRoute.DELETE, "DELETE", `/api/views/${id}`, caller, undefined, { id });

describe("/api/views", () => {
  it("saves a private filter without its page number, shown only to its owner", async () => {
    const name = `Open high ${uniqueWord()}`;
    const res = await save(owner, { name, query: "?status=triage,investigating&severity=high&page=3&lead=me" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name,
      query: "status=triage,investigating&severity=high&lead=me",
      shared: false,
      mine: true,
      owner: { id: owner.actor.id, name: "View Owner" },
    });
    expect((await list(owner)).map((v) => v.name)).toContain(name);
    expect((await list(colleague)).map((v) => v.name)).not.toContain(name);
    expect((await list(lawyer)).map((v) => v.name)).not.toContain(name);
  });

  it("shows a shared view to everyone after their own, which only its owner may delete", async () => {
    const name = `Team overdue ${uniqueWord()}`;
    const shared = await save(owner, { name, query: "overdue=true", shared: true });
    const mine = await save(colleague, { name: `Mine ${uniqueWord()}`, query: "" });
    const seen = await list(colleague);
    expect(seen[0]).toMatchObject({ id: mine.body.id, mine: true });
    expect(seen.find((v) => v.id === shared.body.id)).toMatchObject({ name, shared: true, mine: false });
    expect((await list(lawyer)).map((v) => v.id)).toContain(shared.body.id);

    const refused = await remove(colleague, shared.body.id as string);
    expect([refused.status, refused.body.error?.message]).toEqual([
      403,
      "Only the person who saved a view can delete it",
    ]);
    expect((await remove(owner, shared.body.id as string)).body).toEqual({ deleted: true });
    expect((await list(colleague)).map((v) => v.id)).not.toContain(shared.body.id);
    expect((await remove(owner, shared.body.id as string)).status).toBe(404);
  });

  it("answers 404 for someone else's private view and keeps it", async () => {
    const view = await save(owner, { name: `Private ${uniqueWord()}`, query: "tag=payroll" });
    const res = await remove(colleague, view.body.id as string);
    expect([res.status, res.body.error?.code]).toEqual([404, "not_found"]);
    expect(
      await db
        .select()
        .from(savedViews)
        .where(eq(savedViews.id, view.body.id as string)),
    ).toHaveLength(1);
  });

  it("refuses a filter the case list would refuse, an empty name and a second view of the same name, saving nothing", async () => {
    const before = (await list(owner)).length;
    const bad = await save(owner, { name: "Broken", query: "status=nonsense&colour=red" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^The filter is not one the case list accepts: /);
    expect(fieldErrors(bad.body).map((e) => e.path)).toEqual(["query.status.0", "query"]);
    const empty = await save(owner, { name: "  ", query: "" });
    expect(fieldErrors(empty.body)).toEqual([expect.objectContaining({ path: "name", message: "Name the view" })]);

    const name = `Weekly ${uniqueWord()}`;
    expect((await save(owner, { name, query: "" })).status).toBe(201);
    const again = await save(owner, { name: name.toUpperCase(), query: "status=triage" });
    expect([again.status, again.body.error?.message]).toEqual([
      409,
      `You already have a view named "${name.toUpperCase()}"`,
    ]);
    // Another person may use the same name.
    expect((await save(colleague, { name, query: "" })).status).toBe(201);
    expect((await list(owner)).length).toBe(before + 1);
    expect((await save(null, { name: "x", query: "" })).status).toBe(401);
  });
});
