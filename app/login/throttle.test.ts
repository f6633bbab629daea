import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, ready } from "@/db";
import { auditEvents } from "@/db/schema";
import { makeActor, TEST_PASSWORD } from "@/lib/testing/factories";
import { inRequestScope, serverRequest } from "@/lib/testing/next-request";
import { signInAction } from "./actions";

// The login form's action with the real auth.ts (Credentials authorize, its client address and
// its refusal code), run inside the request scope Next gives a server action.

const WRONG = "not the right password";

beforeAll(async () => {
  await ready();
});

/** Submits the login form from behind the proxy, which names the client first in X-Forwarded-For. */
async function submit(email: string, password: string, client: string) {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  form.set("callbackUrl", "/cases");
  const request = serverRequest("http://localhost/login", {
    method: "POST",
    headers: { "x-forwarded-for": `${client}, 10.0.0.2` },
  });
  try {
    return await inRequestScope(request, () => signInAction({}, form));
  } catch (error) {
    // A successful sign-in ends in Next's redirect, which is thrown.
    if (error instanceof Error && error.message === "NEXT_REDIRECT") return { redirected: true };
    throw error;
  }
}

describe("the login form under the sign-in limit", () => {
  it("says how long to wait once ten wrong passwords lock the account, even for the right password", async () => {
    const user = await makeActor("investigator");
    const client = `203.0.113.${randomUUID()}`;
    for (let i = 0; i < 9; i++) {
      expect(await submit(user.email, WRONG, client)).toEqual({
        error: "Email or password is incorrect.",
        email: user.email,
      });
    }
    const locked = { error: "Too many failed sign-ins. Try again in 15 minutes.", email: user.email };
    expect(await submit(user.email, WRONG, client)).toEqual(locked);
    expect(await submit(user.email, TEST_PASSWORD, `203.0.113.${randomUUID()}`)).toEqual(locked);

    // The address recorded is the client's, the first entry the proxy wrote.
    const [failed] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign_in_failed"), eq(auditEvents.entityId, user.id)))
      .limit(1);
    expect(failed?.detail).toMatchObject({ email: user.email, address: client, reason: "invalid" });
  });

  it("signs in with the right password while under the limit", async () => {
    const user = await makeActor("legal");
    const client = `203.0.113.${randomUUID()}`;
    await submit(user.email, WRONG, client);
    expect(await submit(user.email, TEST_PASSWORD, client)).toEqual({ redirected: true });
  });
});
