import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { makeCase } from "@/lib/testing/cases";
import { call, type Who, who } from "@/lib/testing/routes";
import { signedIn } from "@/lib/testing/session";
import * as verifyRoute from "./verify/route";

// GET /api/audit/verify: admins only. It takes no input, so there is no 400 to ask for, and it
// concerns no case, so no 404. A broken chain is covered in lib/audit/verify.test.ts, the one
// place that tampers with the log (inside transactions this route cannot see).

let admin: Who;

beforeAll(async () => {
  admin = await who("admin");
  await makeCase((await who("investigator")).actor);
});

const verify = (caller: Parameters<typeof call>[3]) => call(verifyRoute.GET, "GET", "/api/audit/verify", caller);

describe("GET /api/audit/verify", () => {
  it("walks the whole chain for an admin and finds it intact, with a token or the session", async () => {
    const [written] = await queryRows<{ count: number; last: number }>(
      db,
      sql`select count(*)::int as count, max(seq)::int as last from audit_events`,
    );
    for (const caller of [admin, await signedIn(admin.actor)]) {
      const res = await verify(caller);
      expect(res.status).toBe(200);
      // No anchor file in the test data folder: the chain alone is checked (lib/audit/anchor.test.ts covers anchors).
      expect(res.body).toEqual({
        ok: true,
        checked: expect.any(Number),
        lastSeq: expect.any(Number),
        firstBreak: null,
        anchors: { file: expect.stringMatching(/audit-anchors\.jsonl$/), lines: 0, latest: null, problems: [] },
      });
      // Other test files may append meanwhile (one PostgreSQL database per run): at least what was there.
      expect(res.body.checked).toBeGreaterThanOrEqual(written!.count);
      expect(res.body.lastSeq).toBeGreaterThanOrEqual(written!.last);
    }
  });

  it("answers 403 to every other role and 401 without credentials", async () => {
    for (const role of ["manager", "investigator", "legal"] as const) {
      const res = await verify(await who(role));
      expect([role, res.status, res.body.error?.code]).toEqual([role, 403, "forbidden"]);
    }
    const res = await verify(null);
    expect([res.status, res.body.error?.code]).toEqual([401, "unauthorized"]);
  });
});
