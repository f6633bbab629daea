import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, ready as dbReady } from "@/db";
import { jobs } from "@/db/schema";
import { EXPORT_BUILD, buildsIdle } from "@/lib/exports/build-job";
import { makeCase } from "@/lib/testing/cases";
import { call, type Route, who } from "@/lib/testing/routes";
import * as caseExports from "./cases/[id]/exports/route";
import * as live from "./health/live/route";
import * as ready from "./health/ready/route";
import * as metrics from "./metrics/route";

vi.hoisted(() => {
  process.env.METRICS_TOKEN = "test-metrics-token-0123456789";
});
vi.mock("@/auth", () => ({ auth: async () => null, handlers: {}, signIn: async () => {}, signOut: async () => {} }));

const scrape = (authorization?: string) =>
  metrics.GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("operations endpoints", () => {
  beforeAll(() => dbReady());

  it("answers liveness always and readiness once the database and the blob store answer", async () => {
    expect(await live.GET().json()).toEqual({ status: "ok" });
    const answer = await ready.GET();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: "ready", database: true, store: true, stopping: false });
  });

  it("serves Prometheus metrics only with the token: requests by route, the job queue by kind", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-wrong-token-00")).status).toBe(401);

    const lead = await who("investigator");
    const c = await makeCase(lead.actor);
    const created = await call(
      caseExports.POST as Route,
      "POST",
      `/api/cases/${c.id}/exports`,
      lead,
      {},
      { id: c.id },
      { "x-request-id": "lb-req-7f3a9c21" },
    );
    expect(created.status).toBe(202);
    const exportId = (created.body as { id: string }).id;
    // The request id follows the request into the job it queued (and so into the job's log lines).
    const [job] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, EXPORT_BUILD), eq(jobs.key, exportId)));
    expect(job?.payload).toMatchObject({ exportId, requestId: "lb-req-7f3a9c21" });

    const answer = await scrape("Bearer test-metrics-token-0123456789");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    expect(text).toMatch(
      /casework_http_requests_total\{method="POST",route="\/api\/cases\/:id\/exports",status="202"\} [1-9]/,
    );
    expect(text).toMatch(
      /casework_http_request_duration_seconds_count\{method="POST",route="\/api\/cases\/:id\/exports"\}/,
    );
    expect(text).toMatch(/casework_jobs_waiting\{kind="export\.build",status="queued"\} [1-9]/);
    expect(text).toMatch(/casework_jobs_oldest_age_seconds\{kind="export\.build"\} \d/);
    expect(text).toContain("casework_upload_bytes_total");
    await buildsIdle();
  });
});
