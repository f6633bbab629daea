// Its own data folder before lib/env.ts is read, as every test that uploads evidence does.
import "@/lib/testing/evidence";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildsIdle } from "@/lib/exports/build-job";
import { makeCase, uniqueWord } from "@/lib/testing/cases";
import { giveIdentifier, makePersona } from "@/lib/testing/personas";
import { type Expected, expectations, refusedBeforeBody } from "./access-matrix.expectations";
import { buildWorld, type Caller, callers, makeCallers, seat, type World } from "./access-matrix.fixtures";
import { defaultParams, requests } from "./access-matrix.requests";
import type { Body, Params } from "./access-matrix.spec";
import { GET as openapiDocument } from "./openapi.json/route";

/*
 * Every operation of the API document (as GET /api/openapi.json serves it), called through its real
 * route handler by every kind of caller with a real API token (the bearer path of the real auth),
 * against the statuses written down in access-matrix.expectations.ts. Beyond the status:
 * - no answer holds anything of a case the caller may not see (ids, reference, title, names, note
 *   text, claim attributes), nor the bytes of evidence they may see but not open; the non-member's
 *   own case, whose persona shares an identifier with both of the lead's, is guarded the same way;
 * - to a caller who may not see the case, its record answers exactly as an id that does not exist;
 * - a refusal that does not depend on the record comes before the body is judged.
 */

// next-auth cannot load outside Next's bundler; with no session cookie it answers "no session".
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

type Route = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;
interface Answer {
  status: number;
  code?: string;
  text: string;
}

const apiDir = path.dirname(fileURLToPath(import.meta.url));
const doc = (await openapiDocument().json()) as { paths: Record<string, Record<string, unknown>> };
const operations = Object.entries(doc.paths)
  .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
  .sort();

/** `/api/cases/{id}/members/{userId}` lives in app/api/cases/[id]/members/[userId]/route.ts. */
async function handlerOf(operation: string): Promise<Route> {
  const [method, apiPath] = operation.split(" ") as [string, string];
  const file = path.join(
    apiDir,
    ...apiPath
      .replace(/^\/api\//, "")
      .split("/")
      .map((s) => s.replace(/^\{(\w+)\}$/, "[$1]")),
    "route.ts",
  );
  const routeModule = (await import(/* @vite-ignore */ file).catch(() => {
    throw new Error(`no route module for ${operation}: expected ${path.relative(apiDir, file)}`);
  })) as Record<string, unknown>;
  const handler = routeModule[method];
  if (typeof handler !== "function")
    throw new Error(`${path.relative(apiDir, file)} exports no ${method} for ${operation}`);
  return handler as Route;
}

async function send(
  route: Route,
  method: string,
  url: string,
  token: string | null,
  params: Params,
  body: Body | undefined,
): Promise<Answer> {
  const headers = new Headers();
  if (token) {
    headers.set("authorization", `Bearer ${token}`);
  } else {
    // A same-origin browser request without a session: the answer is about the missing sign-in.
    headers.set("origin", "http://localhost");
  }
  let payload: BodyInit | undefined;
  if (body && "json" in body) {
    headers.set("content-type", "application/json");
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers.set("content-type", body.type);
    payload = body.raw;
  }
  const response = await route(new Request(`http://localhost${url}`, { method, headers, body: payload }), {
    params: Promise.resolve(params),
  });
  const text = await response.text();
  let code: string | undefined;
  if (response.status >= 400 && /json/.test(response.headers.get("content-type") ?? ""))
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  return { status: response.status, code, text };
}

const fill = (apiPath: string, params: Params) =>
  apiPath.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ""));
const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const describeAnswer = (a: Answer) => `${a.status}${a.code ? ` ${a.code}` : ""}`;

let open: World;
let referred: World;
/** The non-member's own case, whose persona holds both cases' identifiers: those who may not see it must learn nothing of it either. */
let theirs: Record<string, string>;
beforeAll(async () => {
  const users = await makeCallers();
  open = await buildWorld(users, false);
  referred = await buildWorld(users, true);
  const outsider = users.nonMember.actor;
  const kase = await makeCase(outsider, { title: `Outsider case ${uniqueWord()}` });
  const persona = await makePersona(outsider, { caseId: kase.id, displayName: `Outsider persona ${uniqueWord()}` });
  const claimWord = uniqueWord("claim");
  for (const value of [open.identifierValue, referred.identifierValue])
    await giveIdentifier(outsider, persona.id, { type: "email", value, attributes: { holder: claimWord } });
  theirs = {
    caseId: kase.id,
    caseRef: kase.ref,
    caseTitle: kase.title,
    personaId: persona.id,
    personaName: persona.displayName,
    claimWord,
  };
}, 120_000);
// Packs started by the matrix finish before the database closes.
afterAll(() => buildsIdle());

function sees(caller: Caller, w: World): boolean {
  if (caller === "anonymous" || caller === "nonMember") return false;
  if (caller === "legalNonMember" || caller === "legalOnReferred") return w.referred;
  return true;
}

// Managers never open evidence, legal only as members (evidence:read_content); but a pack, which holds the
// evidence bytes, is read by legal on every case it sees (export:read): the two rules disagree there, and
// until that is decided the download follows the export rule (see the expectations table).
const opensEvidence = (caller: Caller, operation: string) =>
  !["manager", "legalNonMember", "legalOnReferred"].includes(caller) ||
  (operation === "GET /api/exports/{id}/download" && caller === "legalOnReferred");

/** What reached a caller who may not have it: any record of a case they do not see, evidence bytes they may not open. */
function leaks(answer: Answer, caller: Caller, operation: string): string[] {
  const found = (label: string, secrets: Record<string, string>, keys: string[]) =>
    keys.filter((key) => answer.text.includes(secrets[key]!)).map((key) => `${label} ${key}`);
  const cases = [open, referred].flatMap((w) =>
    found(
      w.referred ? "the referred case's" : "the open case's",
      w.secrets,
      !sees(caller, w) ? Object.keys(w.secrets) : opensEvidence(caller, operation) ? [] : ["evidenceContent"],
    ),
  );
  const seesTheirs = ["nonMember", "manager", "admin"].includes(caller);
  return [...cases, ...(seesTheirs ? [] : found("the non-member's own case's", theirs, Object.keys(theirs)))];
}

describe("access matrix: the table covers the API", () => {
  it("has an expectation for every operation of the API document", () => {
    expect(
      operations.filter((op) => !(op in expectations)).map((op) => `new route without an access expectation: ${op}`),
    ).toEqual([]);
  });

  it("has no expectation for an operation the API document no longer has", () => {
    const stale = [...Object.keys(expectations), ...Object.keys(requests), ...refusedBeforeBody].filter(
      (op) => !operations.includes(op),
    );
    expect([...new Set(stale)].map((op) => `expectation for an operation that no longer exists: ${op}`)).toEqual([]);
  });

  it("knows how to call every operation (a minimal valid body, or none)", () => {
    expect(
      operations
        .filter((op) => !(op in requests))
        .map((op) => `no request for ${op}: add it to access-matrix.requests.ts`),
    ).toEqual([]);
  });
});

describe("access matrix", () => {
  it.each(operations)("%s", async (operation) => {
    const expected: Expected | undefined = expectations[operation];
    const spec = requests[operation];
    if (!expected) throw new Error(`new route without an access expectation: ${operation}`);
    if (!spec) throw new Error(`no request for ${operation}: add it to access-matrix.requests.ts`);
    const route = await handlerOf(operation);
    const [method, apiPath] = operation.split(" ") as [string, string];
    const wrong: string[] = [];
    for (const caller of callers) {
      const { who, w } = caller === "anonymous" ? { who: null, w: open } : seat(caller, open, referred);
      const token = who?.token ?? null;
      const params = spec.params ? await spec.params(w) : defaultParams(apiPath, w);
      const url = fill(apiPath, params) + (spec.query?.(w) ?? "");
      const body = spec.body ? await spec.body(w) : undefined;
      const answer = await send(route, method, url, token, params, body);
      if (answer.status !== expected[caller])
        wrong.push(
          `${caller}: expected ${expected[caller]}, got ${describeAnswer(answer)}${answer.status >= 400 ? ` ${answer.text.slice(0, 200)}` : ""}`,
        );
      const leaked = leaks(answer, caller, operation);
      if (leaked.length > 0) wrong.push(`${caller}: the answer holds what they may not have: ${leaked.join(", ")}`);
      // Someone who may not see the case must not tell its records from ids that do not exist.
      if ((caller === "nonMember" || caller === "legalNonMember") && Object.values(params).some(isUuid)) {
        const ghost = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isUuid(v) ? randomUUID() : v]));
        const unknown = await send(
          route,
          method,
          fill(apiPath, ghost) + (spec.query?.(w) ?? ""),
          token,
          ghost,
          spec.body ? await spec.body(w) : undefined,
        );
        if (describeAnswer(unknown) !== describeAnswer(answer))
          wrong.push(
            `${caller}: a real id answers ${describeAnswer(answer)} but an unknown id ${describeAnswer(unknown)}, so the record's existence shows`,
          );
      }
      // A refusal that does not depend on the record comes before the body is read. An observer's
      // refusal depends on the persona's cases, so it comes after, like every record-level answer.
      if (
        body &&
        "json" in body &&
        (answer.status === 401 || (answer.status === 403 && refusedBeforeBody.has(operation) && caller !== "observer"))
      ) {
        const invalid = await send(route, method, url, token, params, { json: { matrixUnknownField: true } });
        if (invalid.status !== answer.status)
          wrong.push(
            `${caller}: refused with ${answer.status}, but an invalid body answers ${describeAnswer(invalid)}: the body is judged before the caller`,
          );
      }
    }
    expect(wrong, `${operation}: callers answered otherwise than the table says`).toEqual([]);
  });
});

describe("an outsider's own persona holding the owner's identifier", () => {
  it("names nothing of the owner's cases in its identifiers, links, graph or network", async () => {
    const me = open.who.nonMember;
    const mine = await makePersona(me.actor, { caseId: (await makeCase(me.actor)).id });
    const calls: [string, Params, string, Body?][] = [
      [
        "POST /api/personas/{id}/identifiers",
        { id: mine.id },
        "",
        { json: { type: "email", value: open.identifierValue } },
      ],
      [
        "POST /api/personas/{id}/identifiers",
        { id: mine.id },
        "",
        { json: { type: "email", value: referred.identifierValue } },
      ],
      ["GET /api/personas/{id}", { id: mine.id }, ""],
      ["GET /api/personas/{id}/links", { id: mine.id }, ""],
      ["GET /api/personas/{id}/graph", { id: mine.id }, "?depth=3"],
      ["GET /api/networks", {}, `?personaId=${mine.id}`],
    ];
    const wrong: string[] = [];
    for (const [operation, params, query, body] of calls) {
      const [method, apiPath] = operation.split(" ") as [string, string];
      const answer = await send(
        await handlerOf(operation),
        method,
        fill(apiPath, params) + query,
        me.token,
        params,
        body,
      );
      if (answer.status >= 300) wrong.push(`${operation}: ${describeAnswer(answer)} ${answer.text.slice(0, 200)}`);
      const leaked = leaks(answer, "nonMember", operation);
      if (leaked.length > 0) wrong.push(`${operation}: names ${leaked.join(", ")}`);
    }
    expect(wrong).toEqual([]);
  });
});
