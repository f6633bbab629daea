import type { MixedPlan } from "./load-types";

type Context = Record<string, unknown> & { token?: string; caseId?: string; version?: number; status?: string };
type Req = Record<string, unknown>;

// The next legal move from each status, with a reason where the workflow asks for one.
const nextMove: Record<string, { to: string; reason?: string }> = {
  triage: { to: "investigating" },
  investigating: { to: "contained" },
  contained: { to: "closed", reason: "Benchmark: contained and closed" },
  referred: { to: "closed", reason: "Benchmark: referral done" },
  closed: { to: "investigating", reason: "Benchmark: reopened" },
  cleared: { to: "investigating", reason: "Benchmark: reopened" },
};

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function remember(context: Context, body: string): void {
  try {
    const parsed = JSON.parse(body) as { version?: number; status?: string };
    if (typeof parsed.version === "number") context.version = parsed.version;
    if (typeof parsed.status === "string") context.status = parsed.status;
  } catch {
    // An error body: keep what we knew.
  }
}

/**
 * One user's visit to a case, repeated by every connection: list, open the case, read its
 * activity and notes, add a note, reload, edit the summary with the version just read, move
 * it one step. Edits and moves may meet someone else's change: 409 is the expected answer then.
 */
export function mixedFlow(plan: MixedPlan, tally: (kind: string, status: number) => void) {
  const auth = (context: Context) => ({ authorization: `Bearer ${context.token ?? ""}` });
  const json = (context: Context) => ({ ...auth(context), "content-type": "application/json" });
  const get = (path: (c: Context) => string, kind = "read", keep = false) => ({
    setupRequest: (req: Req, context: Context) => ({
      ...req,
      method: "GET",
      path: path(context),
      headers: auth(context),
      body: undefined,
    }),
    onResponse: (status: number, body: string, context: Context) => {
      tally(kind, status);
      if (keep && status === 200) remember(context, body);
    },
  });
  return [
    {
      setupRequest: (req: Req, context: Context) => {
        const shared = Math.random() < plan.sharedShare || plan.users.length === 0;
        const user = shared ? plan.shared : pick(plan.users);
        context.token = user.token;
        context.caseId = pick(user.caseIds);
        return { ...req, method: "GET", path: plan.listPath, headers: auth(context), body: undefined };
      },
      onResponse: (status: number) => tally("read", status),
    },
    get((c) => `/api/cases/${c.caseId}`, "read", true),
    get((c) => `/api/cases/${c.caseId}/activity`),
    get((c) => `/api/cases/${c.caseId}/notes`),
    {
      setupRequest: (req: Req, context: Context) => ({
        ...req,
        method: "POST",
        path: `/api/cases/${context.caseId}/notes`,
        headers: json(context),
        body: JSON.stringify({
          body: `Benchmark note: checked the **VPN logs** again at ${new Date().toISOString()}.`,
        }),
      }),
      onResponse: (status: number) => tally("write", status),
    },
    get((c) => `/api/cases/${c.caseId}`, "read", true),
    {
      setupRequest: (req: Req, context: Context) => ({
        ...req,
        method: "PATCH",
        path: `/api/cases/${context.caseId}`,
        headers: json(context),
        body: JSON.stringify({
          version: context.version ?? 1,
          summary: `Summary revised by the benchmark at ${new Date().toISOString()}.`,
        }),
      }),
      onResponse: (status: number, body: string, context: Context) => {
        tally("edit", status);
        if (status === 200) remember(context, body);
      },
    },
    {
      setupRequest: (req: Req, context: Context) => {
        const move = nextMove[context.status ?? "investigating"] ?? { to: "contained" };
        return {
          ...req,
          method: "POST",
          path: `/api/cases/${context.caseId}/transition`,
          headers: json(context),
          body: JSON.stringify({ ...move, version: context.version ?? 1 }),
        };
      },
      onResponse: (status: number) => tally("edit", status),
    },
  ];
}
