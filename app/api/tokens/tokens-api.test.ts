import { beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/lib/tokens/tokens";
import { call, type Caller, fieldErrors, type Who, who } from "@/lib/testing/routes";
import { signedIn } from "@/lib/testing/session";
import * as meRoute from "../me/route";
import * as tokenRoute from "./[id]/route";

// DELETE /api/tokens/{id}: revoking takes effect on the next request, for the owner or an admin only.

let owner: Who;
let colleague: Who;
let admin: Who;

beforeAll(async () => {
  [owner, colleague, admin] = await Promise.all([who("investigator", "Token Owner"), who("manager"), who("admin")]);
});

async function newToken(of: Who = owner) {
  return createToken({ actor: of.actor, input: { name: "script" } });
}

const revoke = (caller: Caller | null, id: string) =>
  call(tokenRoute.DELETE, "DELETE", `/api/tokens/${id}`, caller, undefined, { id });
const me = (token: string) => call(meRoute.GET, "GET", "/api/me", { actor: owner.actor, token });

describe("DELETE /api/tokens/{id}", () => {
  it("revokes the owner's token, from the Account page's session too: it is refused at once; revoking again changes nothing", async () => {
    const created = await newToken();
    expect((await me(created.token)).status).toBe(200);
    const res = await revoke(await signedIn(owner.actor), created.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      name: "script",
      userId: owner.actor.id,
      revokedAt: expect.any(String),
    });
    expect(res.body).not.toHaveProperty("token");
    expect((await me(created.token)).status).toBe(401);
    const again = await revoke(owner, created.id);
    expect(again).toEqual({ status: 200, body: res.body });
  });

  it("lets an admin revoke anyone's token", async () => {
    const created = await newToken();
    expect((await revoke(admin, created.id)).body).toMatchObject({ id: created.id, revokedAt: expect.any(String) });
    expect((await me(created.token)).status).toBe(401);
  });

  it("answers 400 naming the id when it is not one", async () => {
    const res = await revoke(owner, "12345");
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual([expect.objectContaining({ path: "id" })]);
  });

  it("answers 401 without credentials and 404 to another user who is not an admin; the token keeps working", async () => {
    const created = await newToken();
    expect((await revoke(null, created.id)).status).toBe(401);
    const hidden = await revoke(colleague, created.id);
    expect([hidden.status, hidden.body.error?.code]).toEqual([404, "not_found"]);
    // The same answer as for a token that does not exist, so ids cannot be probed.
    expect((await revoke(colleague, "00000000-0000-4000-8000-000000000000")).body.error?.code).toBe("not_found");
    expect((await me(created.token)).status).toBe(200);
  });
});
