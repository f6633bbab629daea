/**
 * The bare baseline: a plain Node `http` server running the product's own SQL through
 * postgres.js with the same pool size, and nothing else (no auth, no validation, no Next.js).
 * `tsx bench/baseline-server.ts <catalogue.json>` with DATABASE_URL and PORT (default 3206).
 *   GET /health · /list/{name} · /cases/{id} · /cases/{id}/notes · /cases/{id}/activity
 */
import fs from "node:fs";
import http from "node:http";
import postgres from "postgres";
import { type Catalogue, runCaseChild, runCaseDetail, runList } from "./lib/sql-runner";

const catalogue = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as Catalogue;
const sql = postgres(process.env.DATABASE_URL ?? "", {
  max: 10,
  onnotice: () => {},
  connection: { application_name: "casework-bench-bare" },
});
const port = Number(process.env.PORT ?? 3206);

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function route(path: string): Promise<[number, unknown]> {
  if (path === "/health") return [200, { status: "ok" }];
  const list = /^\/list\/([\w-]+)$/.exec(path);
  if (list) {
    const entry = catalogue.lists[list[1] ?? ""];
    return entry ? [200, await runList(sql, entry)] : [404, { error: "no such list" }];
  }
  const page = /^\/cases\/([0-9a-f-]{36})(?:\/(notes|activity))?$/.exec(path);
  if (page) {
    const [, id = "", child] = page;
    const body = child
      ? await runCaseChild(sql, catalogue.casePage, id, child as "notes" | "activity")
      : await runCaseDetail(sql, catalogue.casePage, id);
    return body ? [200, body] : [404, { error: "not found" }];
  }
  return [404, { error: "no such route" }];
}

http
  .createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    route(path).then(
      ([status, body]) => send(res, status, body),
      (error: unknown) => send(res, 500, { error: String(error) }),
    );
  })
  .listen(port, "127.0.0.1");
